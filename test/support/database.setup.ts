import { inject } from "vitest";
import { createTestDatabase } from "./databases";

// Each integration test file gets a fresh, migrated database before it imports any app module.
process.env.DATABASE_URL = await createTestDatabase(inject("pgAdminUrl"));
process.env.NODE_ENV = "test";
