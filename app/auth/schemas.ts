import { z } from "zod";

/** Shared by the browser and the server; messages are translation keys. */
export const SignInSchema = z.object({
  email: z
    .string({ required_error: "staff:signIn.errors.emailRequired" })
    .trim()
    .max(254, "staff:signIn.errors.emailInvalid")
    .email("staff:signIn.errors.emailInvalid"),
  next: z.string().optional(),
});

const StaffEmail = z
  .string({ required_error: "staff:team.errors.emailRequired" })
  .trim()
  .max(254, "staff:team.errors.emailInvalid")
  .email("staff:team.errors.emailInvalid");

export const InviteForm = z.object({
  email: StaffEmail,
  role: z.enum(["inspector", "lano", "pcf"], { errorMap: () => ({ message: "staff:team.errors.roleRequired" }) }),
});

export const GlobalRoleForm = z.object({
  email: StaffEmail,
  role: z.enum(["admin", "inspector"], { errorMap: () => ({ message: "staff:team.errors.roleRequired" }) }),
});
