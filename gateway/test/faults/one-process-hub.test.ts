import { expectGracefulDrain } from "./graceful-drain";
import { type ProcessHub, startProcessHub } from "./process-hub";

describe("SIGTERM to the one-process hub (npm start)", () => {
  let hub: ProcessHub;
  beforeAll(async () => {
    hub = await startProcessHub({ layout: "one-process", intercept: ["events"] });
  }, 240_000);
  afterAll(async () => {
    await hub?.close();
  });

  it("lets 8 requests in flight finish with 200, answers /ready 503 while draining, and exits 0 within the bound", async () => {
    await expectGracefulDrain(hub, "hub");
    expect(hub.logs("hub")).toMatch(/"msg":"stopped"/);
  }, 60_000);
});

describe("SIGTERM to the one-process hub on its embedded PostgreSQL (npm ci && npm start)", () => {
  let hub: ProcessHub;
  beforeAll(async () => {
    hub = await startProcessHub({ layout: "one-process", embeddedDatabase: true, intercept: ["events"] });
  }, 240_000);
  afterAll(async () => {
    await hub?.close();
  });

  it("drains the 8 requests in flight before it stops the database, which it stops last", async () => {
    await expectGracefulDrain(hub, "hub");
    const logs = hub.logs("hub");
    expect(logs).toMatch(/"msg":"stopped"/);
    // PostgreSQL stopping under the hub's pools would log lost connections; it stops only after them.
    expect(logs).not.toMatch(/terminating connection due to administrator command/);
    // Without SMTP_URL, as on a fresh machine, its e-mail goes to the development mail catcher, and the banner says where.
    expect(logs).toMatch(/ {2}Mail: +\S+\/mail\/ \(development mail catcher at smtp:\/\/127\.0\.0\.1:\d+; set SMTP_URL to send real mail\)/);
  }, 60_000);
});
