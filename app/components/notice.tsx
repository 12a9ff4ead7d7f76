// Shows the success notice an action redirected with (app/utils/notice.server.ts),
// once: on the page the redirect led to, not after the next link or a refused
// form. The root route provides it (<NoticeProvider>); a page puts <PageNotice />
// where its notices go, and <PageNotice at="bom" /> in a section for the
// notices that belong there.
import { useLocation } from "@remix-run/react";
import { createContext, useContext, useState, type ReactNode } from "react";
import type { Notice } from "../i18n/notice.ts";
import { useT } from "../i18n/use-t.ts";
import { unitText } from "../i18n/units.ts";

const NoticeContext = createContext<Notice | null>(null);

/**
 * The root loader's notice belongs to the location it was loaded for. Links and
 * form submissions move to a new location (a new key) without reloading the root
 * data, so the notice is shown only while the location it arrived with is current.
 */
export function NoticeProvider({ notice, children }: { notice: Notice | null; children: ReactNode }) {
  const { key } = useLocation();
  const [arrived, setArrived] = useState({ id: notice?.id ?? null, key });
  if (arrived.id !== (notice?.id ?? null)) setArrived({ id: notice?.id ?? null, key });
  const current = notice && arrived.id === notice.id && arrived.key === key ? notice : null;
  return <NoticeContext.Provider value={current}>{children}</NoticeContext.Provider>;
}

/** The notice on screen now, or null (e.g. to clear a form after a success: `resetOn: useNotice()?.id`). */
export function useNotice(): Notice | null {
  return useContext(NoticeContext);
}

export function PageNotice({ at }: { at?: string }) {
  const t = useT();
  const notice = useNotice();
  if (!notice || notice.at !== at) return null;
  const params = { ...notice.params };
  // A unit code becomes its word, plural in English when there are n of it.
  if (typeof params.unit === "string") {
    params.unit = unitText(t, params.unit, typeof params.n === "number" ? params.n : undefined);
  }
  const text = t(notice.key, params);
  if (!notice.note) {
    return (
      <p className="alert success" role="status">
        {text}
      </p>
    );
  }
  return (
    <div role="status">
      <p className="alert success">{text}</p>
      <p className="alert warn">{t(notice.note)}</p>
    </div>
  );
}
