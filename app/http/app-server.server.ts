// The HTTP server of this app: createHttpServer wired to the Remix build, the
// configuration (env.server.ts) and the database. server.mjs reaches it
// through the server build (`build.entry.module.createAppServer`, exported by
// entry.server.tsx), so that the HTTP layer is TypeScript like the rest, uses
// the same dictionaries, and is unit-tested without a build (ADR 012).
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { databaseAnswers, disconnectDatabase } from "../models/health.server.ts";
import { getEnv } from "../infra/env.server.ts";
import { createHttpServer, type HttpServer } from "./server.server.ts";

export type AppServerOptions = {
  build: ServerBuild;
  /** The folder of static files (`public/`). */
  publicDir: string;
  mode: string | undefined;
  /** REMIX_DEV_ORIGIN under `remix dev`. */
  devOrigin?: string | undefined;
};

export function createAppServer({ build, publicDir, mode, devOrigin }: AppServerOptions): HttpServer {
  const env = getEnv();
  return createHttpServer({
    handleRequest: createRequestHandler(build, mode),
    publicDir,
    trustProxy: env.trustProxy,
    hsts: env.secureCookies,
    devOrigin: mode === "development" ? devOrigin : undefined,
    healthCheck: databaseAnswers,
    onHealthError: (error) => console.error(`healthz: the database did not answer: ${String(error)}`),
    onShutdown: disconnectDatabase,
  });
}
