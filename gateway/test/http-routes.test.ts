import express from "express";
import { createServer } from "node:http";
import { createRequestDrain } from "@agora-hub/runtime";
import { listen } from "../gateway-lifecycle";
import { type GatewayRoute, mountGatewayRoutes } from "../http-routes";

describe("the gateway's route table", () => {
  it("answers routes mounted outside the drain while draining, and refuses the others with 503", async () => {
    const app = express();
    const drain = createRequestDrain();
    const routes: GatewayRoute[] = [
      { name: "keys", outsideDrain: true, mount: (on) => on.get("/.well-known/keys", (_req, res) => void res.json({ keys: [] })) },
      { name: "work", mount: (on) => on.get("/work", (_req, res) => void res.json({ done: true })) },
    ];
    const seen: string[] = [];
    const requestLogging: express.RequestHandler = (req, _res, next) => {
      seen.push(req.path);
      next();
    };
    mountGatewayRoutes(app, routes, { drain, requestLogging });
    const httpServer = createServer(app);
    const url = await listen(httpServer, 0, "127.0.0.1");
    try {
      expect((await fetch(`${url}work`)).status).toBe(200);
      await drain.drain(1000);
      expect((await fetch(`${url}.well-known/keys`)).status).toBe(200);
      const refused = await fetch(`${url}work`);
      expect([refused.status, ((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code]).toEqual([
        503,
        "SHUTTING_DOWN",
      ]);
      expect(seen).toEqual(["/work", "/.well-known/keys", "/work"]);
    } finally {
      await new Promise((resolve) => httpServer.close(resolve));
    }
  });
});
