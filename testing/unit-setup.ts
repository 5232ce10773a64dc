import net from "node:net";

/*
 * Set up for each test file of the `unit` project (jest.config.js), whose promise is no database, no
 * socket and no build. A unit test that connects or listens fails at once, naming the rule, rather than
 * passing only where a server happens to run. Core modules are shared by every test file of a worker,
 * so the guard is on for this file's tests only and taken off after them.
 */

// Each test file has its own copy of the environment: this file cannot find a database by accident.
delete process.env.DATABASE_URL;

const connect = net.Socket.prototype.connect;
const listen = net.Server.prototype.listen;

function refuse(what: string): never {
  throw new Error(`a unit test (*.unit.test.ts) may not ${what}: name the file *.test.ts to run it with the integration tests`);
}

beforeAll(() => {
  net.Socket.prototype.connect = function () {
    return refuse("open a connection");
  } as typeof connect;
  net.Server.prototype.listen = function () {
    return refuse("listen on a socket");
  } as typeof listen;
});

afterAll(() => {
  net.Socket.prototype.connect = connect;
  net.Server.prototype.listen = listen;
});
