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
