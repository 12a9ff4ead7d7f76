import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { NewAccountFields } from "../components/account-fields.tsx";
import {
  Field,
  Form,
  FormAlert,
  IntentButton,
  SelectField,
  SubmitButton,
  useValidatedForm,
  type ActionResult,
} from "../components/forms.tsx";
import { PageNotice } from "../components/notice.tsx";
import { unitText } from "../i18n/units.ts";
import { formatRate, rateFromMinor, rateToMinor } from "../domain/money.ts";
import { maskPhone } from "../domain/phone.ts";
import { newAccountSchema, type NewAccountForm } from "../forms/account.ts";
import { offerSchema, type OfferForm } from "../forms/partners.ts";
import { toLocale } from "../i18n/locales.ts";
import { useT } from "../i18n/use-t.ts";
import { listProducts } from "../models/catalogue.server.ts";
import { setArchived } from "../models/archive.server.ts";
import { createPartnerAccount, getPartner, setOffer, withdrawOffer } from "../models/partner.server.ts";
import { setAccountActive } from "../models/user.server.ts";
import { notFound, requireScope } from "../utils/auth.server.ts";
import { badRequest, formError, formValues, readFormData, refuse, validate } from "../utils/forms.server.ts";
import { redirectWithNotice } from "../utils/notice.server.ts";

export const access = { roles: ["coordinator"] } satisfies import("../domain/access.ts").RouteAccess;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, user } = await requireScope(request, ["coordinator"]);
  const partner = await getPartner(scope.workshopId, params.partnerId ?? "");
  if (!partner) notFound();
  const locale = toLocale(user.locale);
  const products = await listProducts(scope.workshopId);
  return {
    partner: {
      id: partner.id,
      name: partner.name,
      contactName: partner.contactName,
      contactPhone: partner.contactPhone,
      archived: partner.archivedAt !== null,
      accounts: partner.accounts.map((a) => ({ id: a.id, name: a.name, phone: maskPhone(a.phone), active: a.active })),
      offers: partner.offers
        .filter((o) => o.archivedAt === null)
        .map((o) => ({
          id: o.id,
          productName: o.productName,
          unit: o.productUnit,
          price: formatRate(rateFromMinor(o.priceE4), locale),
        })),
    },
    products: products.map((p) => ({ id: p.id, name: p.name, unit: p.unit })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireScope(request, ["coordinator"]);
  const partner = await getPartner(scope.workshopId, params.partnerId ?? "");
  if (!partner) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const here = `/coordinator/partners/${partner.id}`;

  if (intent === "account") {
    const result = validate(newAccountSchema, formData);
    if (!result.ok) return badRequest(result);
    const created = await createPartnerAccount(scope, partner.id, result.data);
    if (!created.ok) return refuse(created, { phoneTaken: { phone: "error.phoneTaken" } }, formData);
    return redirectWithNotice(here, {
      key: "partners.accountCreated",
      params: { name: result.data.name },
      at: "accounts",
    });
  }

  if (intent === "offer") {
    const result = validate(offerSchema, formData);
    if (!result.ok) return badRequest(result);
    const saved = await setOffer(scope, partner.id, result.data.productId, rateToMinor(result.data.price));
    if (!saved.ok) return refuse(saved, { notFound: { productId: "partners.productUnavailable" } }, formData);
    return redirectWithNotice(here, { key: "partners.offerSaved", at: "offers" });
  }

  if (intent === "deactivate" || intent === "reactivate") {
    const accountId = formData.get("accountId");
    if (typeof accountId !== "string" || accountId.length === 0 || accountId.length > 64)
      return formError("error.invalid", formValues(formData).values);
    if (!partner.accounts.some((a) => a.id === accountId)) notFound();
    const changed = await setAccountActive(scope, accountId, ["partner"], intent === "reactivate");
    if (!changed.ok) return refuse(changed, {}, formData);
    return redirectWithNotice(here, {
      key: intent === "deactivate" ? "accounts.deactivated" : "accounts.reactivated",
      at: "accounts",
    });
  }

  if (intent === "archive" || intent === "restore") {
    const changed = await setArchived(scope, "partner", partner.id, intent === "archive", new Date());
    if (!changed.ok) return refuse(changed, {}, formData);
    return redirectWithNotice(here, { key: intent === "archive" ? "partners.archivedDone" : "partners.restoredDone" });
  }

  if (intent === "withdraw") {
    const offerId = formData.get("offerId");
    if (typeof offerId !== "string" || offerId.length === 0 || offerId.length > 64)
      return formError("error.invalid", formValues(formData).values);
    const withdrawn = await withdrawOffer(scope, partner.id, offerId, new Date());
    if (!withdrawn.ok) return refuse(withdrawn, { notFound: "partners.offerGone" }, formData);
    return redirectWithNotice(here, { key: "partners.withdrawn", at: "offers" });
  }

  return formError("error.unknownIntent", formValues(formData).values);
}

export default function PartnerDetail() {
  const t = useT();
  const { partner, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const forIntent = (intent: string): ActionResult | undefined =>
    actionData?.values?.intent === intent ? actionData : undefined;
  // A new page (after a success) gets empty forms: the password just given out does not stay on screen.
  const { key } = useLocation();
  return (
    <>
      <p>
        <Link to="/coordinator/partners">← {t("partners.back")}</Link>
      </p>
      <IntentButton
        formClassName="inline-actions"
        intent={partner.archived ? "restore" : "archive"}
        className={partner.archived ? "button small" : "button danger small"}
        label={partner.archived ? t("partners.restoreFirm") : t("partners.archiveFirm")}
      />
      <h1>
        {partner.name} {partner.archived ? <span className="tag">{t("partners.archived")}</span> : null}
      </h1>
      <PageNotice />
      {forIntent("withdraw") ? <FormAlert message={actionData?.formError} /> : null}
      <dl className="facts">
        <dt>{t("partners.contactName")}</dt>
        <dd>{partner.contactName || "—"}</dd>
        <dt>{t("partners.contactPhone")}</dt>
        <dd>{partner.contactPhone || "—"}</dd>
      </dl>

      <section className="card">
        <h2>{t("partners.offersTitle")}</h2>
        <PageNotice at="offers" />
        {partner.offers.length === 0 ? (
          <p className="empty">{t("partners.noOffers")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th>{t("partners.product")}</th>
                  <th className="num">{t("partners.price")}</th>
                  <th>
                    <span className="visually-hidden">{t("partners.withdraw")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {partner.offers.map((o) => (
                  <tr key={o.id}>
                    <td>{o.productName}</td>
                    <td className="num">
                      {o.price}/{unitText(t, o.unit)}
                    </td>
                    <td className="actions">
                      <IntentButton
                        intent="withdraw"
                        fields={{ offerId: o.id }}
                        className="button danger small"
                        ariaLabel={`${t("partners.withdraw")} ${o.productName}`}
                        label={t("partners.withdraw")}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {partner.archived ? null : products.length === 0 ? (
          <p className="empty">{t("partners.noProducts")}</p>
        ) : (
          <OfferForm key={key} products={products} result={forIntent("offer")} />
        )}
      </section>

      <section className="card">
        <h2>{t("partners.accountsTitle")}</h2>
        <PageNotice at="accounts" />
        {partner.accounts.length === 0 ? (
          <p className="empty">{t("partners.noAccounts")}</p>
        ) : (
          <ul className="list">
            {partner.accounts.map((a) => (
              <li key={a.id} className="account-row">
                <span>
                  {a.name} · {a.phone}
                  {a.active ? null : <span className="tag muted">{t("workers.inactive")}</span>}
                </span>
                <IntentButton
                  intent={a.active ? "deactivate" : "reactivate"}
                  fields={{ accountId: a.id }}
                  className={a.active ? "button danger small" : "button small"}
                  label={a.active ? t("accounts.deactivate") : t("accounts.reactivate")}
                />
              </li>
            ))}
          </ul>
        )}
        <AccountForm key={key} result={forIntent("account")} />
      </section>
    </>
  );
}

function OfferForm({ products, result }: { products: { id: string; name: string }[]; result?: ActionResult }) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<OfferForm>(offerSchema, result);
  return (
    <div className="subform">
      <h3>{t("partners.setOffer")}</h3>
      <FormAlert message={result?.formError} />
      <Form method="post" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="offer" />
        <SelectField
          label={t("partners.product")}
          placeholder={t("partners.chooseProduct")}
          options={products.map((p) => ({ value: p.id, label: p.name }))}
          error={errorFor("productId")}
          defaultValue={result?.values?.productId}
          registration={form.register("productId")}
        />
        <Field
          label={t("partners.priceInput")}
          inputMode="decimal"
          autoComplete="off"
          hint={t("partners.priceHint")}
          error={errorFor("price")}
          defaultValue={result?.values?.price}
          registration={form.register("price")}
        />
        <SubmitButton pending={t("form.saving")}>{t("partners.saveOffer")}</SubmitButton>
      </Form>
    </div>
  );
}

function AccountForm({ result }: { result?: ActionResult }) {
  const t = useT();
  const { form, onSubmit, errorFor } = useValidatedForm<NewAccountForm>(newAccountSchema, result);
  return (
    <div className="subform">
      <h3>{t("partners.addAccount")}</h3>
      <FormAlert message={result?.formError} />
      <Form method="post" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="account" />
        <NewAccountFields
          form={form}
          errorFor={errorFor}
          values={result?.values}
          passwordHint={t("partners.initialPasswordHint")}
        />
        <SubmitButton pending={t("form.saving")}>{t("partners.createAccount")}</SubmitButton>
      </Form>
    </div>
  );
}
