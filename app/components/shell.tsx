// The two shells: phone-first for workers (big tap targets, bottom
// navigation), desktop-friendly for coordinators, partners and admins.
import { Form, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { MessageKey } from "../i18n/index.ts";
import { useLocale, useT } from "../i18n/use-t.ts";

/**
 * `markChoice`: the login page's switch comes back with ?lang=<choice>, so that
 * logging in from that page keeps the language picked there (login.tsx).
 */
export function LanguageSwitch({ markChoice = false }: { markChoice?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const other = locale === "zh-CN" ? "en" : "zh-CN";
  const search = new URLSearchParams(location.search);
  if (markChoice) search.set("lang", other);
  const query = search.toString();
  return (
    <Form method="post" action="/language" className="language-switch">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + (query ? `?${query}` : "")} />
      <button type="submit" className="button ghost" lang={other} title={t("lang.label")}>
        {t("lang.switchTo")}
      </button>
    </Form>
  );
}

export function LogoutButton({ className }: { className?: string }) {
  const t = useT();
  return (
    <Form method="post" action="/logout">
      <button type="submit" className={className ?? "button ghost"}>
        {t("nav.logout")}
      </button>
    </Form>
  );
}

export type NavItem = { to: string; label: MessageKey; end?: boolean; icon?: string };

/**
 * A count shown on a navigation item (e.g. orders waiting for a decision): the
 * number is drawn as a badge, and `label` ("{n} waiting") says what it counts
 * to screen readers and in the tooltip, so it is not colour and shape alone.
 */
export type NavBadge = { count: number; label: MessageKey };

/** A navigation item's label, then its badge drawn for the eye and said in words for screen readers. */
function Badged({ label, badge }: { label: string; badge: NavBadge | undefined }) {
  const t = useT();
  const counted = badge && badge.count > 0 ? t(badge.label, { n: badge.count }) : null;
  return (
    <>
      {label}
      {counted ? (
        <>
          <span className="nav-badge" aria-hidden="true">
            {badge?.count}
          </span>
          <span className="visually-hidden">{t("nav.badge", { text: counted })}</span>
        </>
      ) : null}
    </>
  );
}

export function WorkerShell({ children, nav, notices }: { children: ReactNode; nav: NavItem[]; notices?: NavBadge }) {
  const t = useT();
  return (
    <div className="shell worker-shell">
      <header className="topbar">
        <span className="brand">
          <span className="brand-full">{t("app.name")}</span>
          <span className="brand-short">{t("app.shortName")}</span>
        </span>
        {notices ? (
          <NavLink to="/notices" className="topbar-notices">
            <Badged label={t("notices.nav")} badge={notices} />
          </NavLink>
        ) : null}
        <LanguageSwitch />
      </header>
      <main className="content">{children}</main>
      <nav className="bottom-nav" aria-label={t("nav.main")}>
        {nav.map((item) => (
          <NavLink key={item.to} to={item.to} end={item.end} className="bottom-nav-item">
            <span aria-hidden="true" className="icon">
              {item.icon}
            </span>
            <span>{t(item.label)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}

export function DeskShell({
  children,
  nav,
  userName,
  roleLabel,
  badges = {},
}: {
  children: ReactNode;
  nav: NavItem[];
  userName: string;
  roleLabel: MessageKey;
  /** Badges by navigation path. */
  badges?: Partial<Record<string, NavBadge>>;
}) {
  const t = useT();
  const navRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    // On a phone the navigation is one swipeable strip: bring the current page's item into view.
    const strip = navRef.current;
    const active = strip?.querySelector<HTMLElement>("a.active");
    if (!strip || !active || strip.scrollWidth <= strip.clientWidth) return;
    strip.scrollLeft = active.offsetLeft - (strip.clientWidth - active.offsetWidth) / 2;
  }, [pathname]);
  return (
    <div className="shell desk-shell">
      <header className="topbar desk-top">
        <span className="brand">
          <span className="brand-full">{t("app.name")}</span>
          <span className="brand-short">{t("app.shortName")}</span>
        </span>
        <nav className="desk-nav" aria-label={t("nav.main")} ref={navRef}>
          {nav.map((item) => {
            const badge = badges[item.to];
            const counted = badge && badge.count > 0 ? t(badge.label, { n: badge.count }) : null;
            return (
              <NavLink key={item.to} to={item.to} end={item.end} title={counted ?? undefined}>
                <Badged label={t(item.label)} badge={badge} />
              </NavLink>
            );
          })}
          <NavLink to="/account">{t("nav.account")}</NavLink>
        </nav>
        <span className="who">
          {userName} · {t(roleLabel)}
        </span>
        <div className="topbar-tools">
          <LanguageSwitch />
          <LogoutButton />
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
