// A refusal found half-way through a transaction, after something was already
// written (a row locked by an update, a counter taken): throwing it rolls the
// whole transaction back, so a refused request writes nothing. `once`
// (app/models/submission.server.ts) turns it back into the work's answer.
import type { Fail } from "./result.ts";

export class Refusal extends Error {
  constructor(readonly result: Fail<string>) {
    super(`refused: ${result.code}`);
    this.name = "Refusal";
  }
}

/**
 * Throws `result` out of the current transaction (which rolls back). Only
 * inside work run by `once`/`onceOk`, whose answer type must include it.
 */
export function refuseInTransaction(result: Fail<string>): never {
  throw new Refusal(result);
}
