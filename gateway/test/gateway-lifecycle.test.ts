import { createServer } from "node:http";
import { listen, StopSequence } from "../gateway-lifecycle";

describe("StopSequence", () => {
  it("runs the steps last-registered first, each once, however often it is asked", async () => {
    const ran: string[] = [];
    const stops = new StopSequence();
    for (const name of ["source", "protection", "server"]) stops.add(name, async () => void ran.push(name));
    await Promise.all([stops.run(), stops.run()]);
    await stops.run();
    expect(ran).toEqual(["server", "protection", "source"]);
  });

  it("runs every step when one fails, then throws the first failure", async () => {
    const ran: string[] = [];
    const stops = new StopSequence();
    stops.add("first", async () => void ran.push("first"));
    stops.add("broken", async () => {
      throw new Error("pool already closed");
    });
    stops.add("last", async () => void ran.push("last"));
    await expect(stops.run()).rejects.toThrow("pool already closed");
    expect(ran).toEqual(["last", "first"]);
  });
});

describe("listen", () => {
  it("names the URL it listens on, localhost for every interface", async () => {
    const httpServer = createServer();
    const url = await listen(httpServer, 0, "0.0.0.0");
    try {
      expect(url).toMatch(/^http:\/\/localhost:\d+\/$/);
    } finally {
      await new Promise((resolve) => httpServer.close(resolve));
    }
  });
});
