// Resource routes (a loader without a page: a photo) answer bytes, not a page,
// so the shared error boundary never shows their refusals. requireScope and
// notFound throw data() for a 403 or 404; Remix hands such a throw from a
// resource route to the browser as {"message":"Unexpected Server Error"} with
// the status. This turns it into the plain answer meant: the same JSON the
// pages' loaders give ({ "reason": "notFound" }), never cached. Redirects (to
// the login page) and real errors pass through untouched.

type ThrownData = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isThrownData(value: unknown): value is ThrownData {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/** What a resource route's loader rethrows: `thrown`, or the Response for a refusal thrown as data(). */
export function resourceRefusal(thrown: unknown): unknown {
  if (!isThrownData(thrown)) return thrown;
  return Response.json(thrown.data, {
    status: thrown.init?.status ?? 500,
    headers: { "Cache-Control": "no-store" },
  });
}
