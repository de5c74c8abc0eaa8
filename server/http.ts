import type { Server } from "node:http";
import { pipeline } from "node:stream/promises";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type Request as ExpressRequest } from "express";
import type { replyToDownload } from "../app/modules/delivery/download-reply.server.ts";

type AppEntry = { replyToDownload: typeof replyToDownload };

/** Express serves the built assets and downloads, and hands every other request to Remix. */
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

  // Paid files are piped straight into the socket so a slow reader slows the disk read instead of
  // filling memory; Remix's response writer does not wait for the socket to drain.
  app.get("/downloads/:fileId", async (req, res, next) => {
    try {
      const entry = (await build()).entry.module as unknown as AppEntry;
      const reply = await entry.replyToDownload(req.params.fileId, toWebRequest(req));
      res.writeHead(reply.status, reply.headers);
      if (typeof reply.body === "string") res.end(reply.body);
      else await pipeline(reply.body, res).catch(() => reply.body instanceof Object && res.destroy());
    } catch (error) {
      next(error);
    }
  });

  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

  return new Promise((ready, fail) => {
    const server = app.listen(options.port, options.host, () => ready(server));
    server.once("error", fail);
  });
}

function toWebRequest(req: ExpressRequest): Request {
  const headers = new Headers();
  for (const name of ["user-agent", "x-forwarded-for"]) {
    const value = req.get(name);
    if (value) headers.set(name, value);
  }
  return new Request(new URL(req.originalUrl, `http://${req.get("host") ?? "localhost"}`), { headers });
}
