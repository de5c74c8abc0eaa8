import type { Server } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

/** Express serves the built assets and hands every other request to Remix. */
export async function startHttpServer(options: {
  port: number;
  host: string;
  devMode: boolean;
}): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");

  let build: () => Promise<ServerBuild>;
  if (options.devMode) {
    const vite = await import("vite").then((module) =>
      module.createServer({ server: { middlewareMode: true } }),
    );
    app.use(vite.middlewares);
    build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    // Fingerprinted files never change; everything else in public/ may.
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(express.static("build/client", { maxAge: "1h" }));
    const serverBuild = (await import(
      new URL("../build/server/index.js", import.meta.url).href
    )) as ServerBuild;
    build = async () => serverBuild;
  }
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

  return new Promise((ready, fail) => {
    const server = app.listen(options.port, options.host, () => ready(server));
    server.once("error", fail);
  });
}
