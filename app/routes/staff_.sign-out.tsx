import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireCsrf, requireStaff } from "~/auth/guard.server";
import { destroySession } from "~/auth/sessions.server";

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireStaff(request);
  requireCsrf(session, await request.formData());
  return redirect("/staff/sign-in?signed-out", { headers: { "Set-Cookie": await destroySession(request) } });
}

export function loader() {
  return redirect("/staff");
}
