// The coordinator's forms on one order: decide it (accept, or decline after a
// confirmation step) and give its pieces out (assign to a worker, open or
// close the claim pool). The route (app/routes/coordinator.orders.$orderId.tsx)
// answers them; these only draw them and check them in the browser.
import { Link } from "@remix-run/react";
import { ConfirmStep } from "./confirm.tsx";
import {
  Field,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  TextAreaField,
  useValidatedForm,
  type ActionResult,
} from "./forms.tsx";
import { OrderSummary } from "./orders.tsx";
import {
  assignSchema,
  decideOrderSchema,
  openForClaimingSchema,
  type AssignForm,
  type DecideOrderForm,
  type OpenForClaimingForm,
} from "../forms/orders.ts";
import { useT } from "../i18n/use-t.ts";

type DecideProps = {
  order: { productName: string; partnerName: string; quantity: number; unit: string; dueOn: string; value: string };
  /** Declining cannot be undone: its form only appears in a confirmation step (?decline=confirm). */
  confirmingDecline: boolean;
  accept?: ActionResult;
  decline?: ActionResult;
};

export function DecideForms({ order, confirmingDecline, accept, decline }: DecideProps) {
  const t = useT();
  const acceptForm = useValidatedForm<DecideOrderForm>(decideOrderSchema, accept);
  const declineForm = useValidatedForm<DecideOrderForm>(decideOrderSchema, decline);
  if (confirmingDecline) {
    return (
      <ConfirmStep
        id="decline-confirm"
        title={t("orders.declineConfirm.title")}
        warning={t("orders.declineConfirm.warning", { partner: order.partnerName })}
        backTo="."
        backLabel={t("orders.declineConfirm.keep")}
      >
        <OrderSummary order={order} />
        <FormAlert message={decline?.formError} />
        <Form method="post" onSubmit={declineForm.onSubmit} noValidate>
          <input type="hidden" name="intent" value="decline" />
          <input type="hidden" value="decline" {...declineForm.form.register("decision")} />
          <TextAreaField
            label={t("orders.declineReason")}
            error={declineForm.errorFor("reason")}
            defaultValue={decline?.values?.reason}
            registration={declineForm.form.register("reason")}
          />
          <SubmitButton className="button danger-solid" pending={t("form.saving")}>
            {t("orders.declineConfirm.submit")}
          </SubmitButton>
        </Form>
      </ConfirmStep>
    );
  }
  return (
    <section className="card">
      <h2>{t("orders.decide")}</h2>
      <FormAlert message={accept?.formError} />
      <Form method="post" onSubmit={acceptForm.onSubmit} noValidate className="form-card">
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" value="accept" {...acceptForm.form.register("decision")} />
        <TextAreaField
          label={t("orders.acceptNote")}
          error={acceptForm.errorFor("reason")}
          defaultValue={accept?.values?.reason}
          registration={acceptForm.form.register("reason")}
        />
        <div className="form-actions">
          <SubmitButton pending={t("form.saving")}>{t("orders.accept")}</SubmitButton>
          <Link to="?decline=confirm#decline-confirm" className="button danger" preventScrollReset>
            {t("orders.decline")}
          </Link>
        </div>
      </Form>
    </section>
  );
}

type AllocationProps = {
  today: string;
  dueOn: string;
  remaining: number;
  open: number;
  unit: string;
  workers: { id: string; name: string; phoneTail: string }[];
  keys: { assign: string; open: string; close: string };
  results: { assign?: ActionResult; open?: ActionResult; close?: ActionResult };
};

export function AllocationForms({ today, dueOn, remaining, open, unit, workers, keys, results }: AllocationProps) {
  const t = useT();
  const assign = useValidatedForm<AssignForm>(assignSchema, results.assign);
  const openPool = useValidatedForm<OpenForClaimingForm>(openForClaimingSchema, results.open);
  const closePool = useValidatedForm<OpenForClaimingForm>(openForClaimingSchema, results.close);
  // With nothing left to give out only taking back from the pool makes sense; a refused form stays to show its error.
  const showAssign = remaining > 0 || results.assign !== undefined;
  const showOpen = remaining > 0 || results.open !== undefined;
  const showClose = open > 0 || results.close !== undefined;
  return (
    <>
      {showAssign ? (
        <section className="card" aria-labelledby="assign-heading">
          <h2 id="assign-heading">{t("assignments.assign")}</h2>
          {workers.length === 0 ? (
            <p className="empty">{t("assignments.noWorkers")}</p>
          ) : (
            <>
              <FormAlert message={results.assign?.formError} />
              <Form method="post" onSubmit={assign.onSubmit} noValidate className="inline-form">
                <input type="hidden" name="intent" value="assign" />
                <input type="hidden" name="submissionKey" value={keys.assign} />
                <SelectField
                  label={t("assignments.worker")}
                  placeholder={t("assignments.chooseWorker")}
                  options={workers.map((w) => ({
                    value: w.id,
                    label: t("assignments.workerOption", { name: w.name, tail: w.phoneTail }),
                  }))}
                  error={assign.errorFor("workerId")}
                  defaultValue={results.assign?.values?.workerId}
                  registration={assign.form.register("workerId")}
                />
                <Field
                  label={t("assignments.quantity")}
                  inputMode="numeric"
                  autoComplete="off"
                  error={assign.errorFor("quantity")}
                  defaultValue={results.assign?.values?.quantity}
                  registration={assign.form.register("quantity")}
                />
                <Field
                  label={t("assignments.dueOn")}
                  type="date"
                  min={today}
                  max={dueOn}
                  error={assign.errorFor("dueOn")}
                  defaultValue={results.assign?.values?.dueOn ?? dueOn}
                  registration={assign.form.register("dueOn")}
                />
                <SubmitButton pending={t("form.saving")}>{t("assignments.submit")}</SubmitButton>
              </Form>
            </>
          )}
        </section>
      ) : null}
      {showOpen || showClose ? (
        <section className="card" aria-labelledby="pool-heading">
          <h2 id="pool-heading">{t("orders.pool.title")}</h2>
          <p className="muted">{t("orders.pool.hint", { n: open, unit })}</p>
          <div className="form-columns">
            {showOpen ? (
              <div className="subform">
                <FormAlert message={results.open?.formError} />
                <Form method="post" onSubmit={openPool.onSubmit} noValidate>
                  <input type="hidden" name="intent" value="open" />
                  <input type="hidden" name="submissionKey" value={keys.open} />
                  <Field
                    label={t("orders.pool.quantity")}
                    inputMode="numeric"
                    autoComplete="off"
                    error={openPool.errorFor("quantity")}
                    defaultValue={results.open?.values?.quantity}
                    registration={openPool.form.register("quantity")}
                  />
                  <SubmitButton pending={t("form.saving")}>{t("orders.pool.open")}</SubmitButton>
                </Form>
              </div>
            ) : null}
            {showClose ? (
              <div className="subform">
                <FormAlert message={results.close?.formError} />
                <Form method="post" onSubmit={closePool.onSubmit} noValidate>
                  <input type="hidden" name="intent" value="close" />
                  <input type="hidden" name="submissionKey" value={keys.close} />
                  <Field
                    label={t("orders.pool.takeBackQuantity")}
                    inputMode="numeric"
                    autoComplete="off"
                    error={closePool.errorFor("quantity")}
                    defaultValue={results.close?.values?.quantity}
                    registration={closePool.form.register("quantity")}
                  />
                  <SubmitButton className="button" pending={t("form.saving")}>
                    {t("orders.pool.takeBack")}
                  </SubmitButton>
                </Form>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}
    </>
  );
}
