import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { deleteSession } from "../models/session.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";
import { destroyCookieSession, getCookieSession } from "../utils/session.server.ts";

export const access = { public: true } satisfies import("../domain/access.ts").RouteAccess;

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getCookieSession(request);
  const sessionId = session.get("sessionId");
  if (typeof sessionId === "string") await deleteSession(sessionId);
  return redirectWithNotice(
    "/login",
    { key: "login.loggedOut" },
    { headers: { "Set-Cookie": await destroyCookieSession(session) } },
  );
}
