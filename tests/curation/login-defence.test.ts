import type { AddressInfo } from "node:net";
import { MoreThan } from "typeorm";
import { createDirectoryApp } from "../../server/src/app";
import { createAppDeps } from "../../server/src/composition/context";
import { createDataSource } from "../../server/src/composition/database";
import { LoginAttempt } from "../../server/src/modules/curator/login-attempt.entity";
import { addressBlock } from "../../server/src/modules/curator/login-policy";
import { LOGIN } from "../support/auth";
import { factories, TEST_PASSWORD } from "../support/factories";
import { useTestServer } from "../support/server";

// Delays long enough that no test depends on how fast it runs; "waiting" is done by moving the
// counters' notBefore into the past, as the passing of time would.
const ENV = {
  TRUST_PROXY: "true",
  LOGIN_MAX_FAILURES: "5",
  LOGIN_MAX_FAILURES_PER_EMAIL: "12",
  LOGIN_MAX_FAILURES_PER_ADDRESS: "10",
  LOGIN_DELAY_SECONDS: "60",
  LOGIN_MAX_DELAY_SECONDS: "200",
  LOGIN_MAX_EMAIL_DELAY_SECONDS: "90",
};

const server = useTestServer({ env: ENV, listen: true, reset: true });
let f: ReturnType<typeof factories>;
beforeAll(async () => {
  f = factories(server.ds);
});

const STRANGER = "203.0.113.7";
const OWNER = "198.51.100.20";
const WRONG = "not the password at all";

interface Answer {
  status: number;
  retryAfter: string | null;
  text: string;
  body: { data?: any; errors?: { message: string; extensions: Record<string, any> }[] };
}

async function loginFrom(address: string, email: string, password: string, at = server.base): Promise<Answer> {
  const res = await fetch(`${at}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
  });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get("retry-after"), text, body: JSON.parse(text) };
}

const reason = (a: Answer) => (a.body.data?.login?.token ? "TOKEN" : a.body.errors?.[0]?.extensions.reason);
const count = (answers: Answer[], what: string) => answers.filter((a) => reason(a) === what).length;
const retryAfterSeconds = (a: Answer) => a.body.errors?.[0]?.extensions.retryAfterSeconds;

/** What waiting out every current delay would do. */
async function letDelaysPass(): Promise<void> {
  await server.ds
    .getRepository(LoginAttempt)
    .update({ notBefore: MoreThan(new Date()) }, { notBefore: new Date(Date.now() - 1000) });
}

/**
 * The delay a countdown started from: retryAfterSeconds counts down from the delay, so an answer read
 * a second or two after the attempt is a little lower. Every delay in these settings is a multiple of 10.
 */
function roundUpToDelay(seconds: number): number {
  return Math.ceil(seconds / 10) * 10;
}

describe("attempts are reserved before the password is checked", () => {
  it("30 parallel wrong passwords: only LOGIN_MAX_FAILURES are checked, the rest are refused unchecked", async () => {
    const c = await f.curator();
    const answers = await Promise.all(Array.from({ length: 30 }, () => loginFrom(STRANGER, c.email, WRONG)));
    expect(count(answers, "BAD_CREDENTIALS")).toBe(5);
    expect(count(answers, "RATE_LIMITED")).toBe(25);
    const limited = answers.find((a) => reason(a) === "RATE_LIMITED")!;
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe(String(retryAfterSeconds(limited)));
    expect(limited.body.errors![0].extensions).toEqual({
      code: "UNAUTHENTICATED",
      reason: "RATE_LIMITED",
      retryAfterSeconds: expect.any(Number),
    });
    expect(retryAfterSeconds(limited)).toBeGreaterThan(0);
    // The delay is counted from the database's clock: a second more is the two clocks, not a longer delay.
    expect(retryAfterSeconds(limited)).toBeLessThanOrEqual(61);
  });

  it("9 wrong and 1 right password in parallel: no more than LOGIN_MAX_FAILURES are checked", async () => {
    const c = await f.curator();
    const passwords = [...Array<string>(9).fill(WRONG), TEST_PASSWORD];
    const answers = await Promise.all(passwords.map((p) => loginFrom(STRANGER, c.email, p)));
    expect(count(answers, "BAD_CREDENTIALS") + count(answers, "TOKEN")).toBeLessThanOrEqual(5);
    expect(count(answers, "RATE_LIMITED")).toBeGreaterThanOrEqual(5);
    expect(count(answers, "TOKEN")).toBeLessThanOrEqual(1);
  });

  it("an attempt that comes too early is refused even with the right password, and the delays double up to the cap", async () => {
    const c = await f.curator();
    for (let i = 0; i < 5; i++) expect(reason(await loginFrom(STRANGER, c.email, WRONG))).toBe("BAD_CREDENTIALS");
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const early = await loginFrom(STRANGER, c.email, TEST_PASSWORD);
      expect(reason(early)).toBe("RATE_LIMITED");
      waits.push(retryAfterSeconds(early));
      await letDelaysPass();
      expect(reason(await loginFrom(STRANGER, c.email, WRONG))).toBe("BAD_CREDENTIALS");
    }
    // LOGIN_DELAY_SECONDS, doubled, capped by LOGIN_MAX_DELAY_SECONDS; the answer counts down from the
    // delay, so a loaded machine may already be a second or two into it.
    expect(waits.map(roundUpToDelay)).toEqual([60, 120, 200]);
  });

  it("a successful sign-in forgives that address's earlier failures for the email", async () => {
    const c = await f.curator();
    for (let i = 0; i < 4; i++) await loginFrom(OWNER, c.email, WRONG);
    expect(reason(await loginFrom(OWNER, c.email, TEST_PASSWORD))).toBe("TOKEN");
    for (let i = 0; i < 5; i++) expect(reason(await loginFrom(OWNER, c.email, WRONG))).toBe("BAD_CREDENTIALS");
    expect(reason(await loginFrom(OWNER, c.email, WRONG))).toBe("RATE_LIMITED");
  });
});

describe("a stranger cannot lock the owner out", () => {
  it("after a stranger's failures the stranger is slowed, and the owner signs in from another address at once", async () => {
    const c = await f.curator();
    for (let i = 0; i < 5; i++) expect(reason(await loginFrom(STRANGER, c.email, WRONG))).toBe("BAD_CREDENTIALS");
    expect(reason(await loginFrom(STRANGER, c.email, WRONG))).toBe("RATE_LIMITED");
    expect(reason(await loginFrom(OWNER, c.email, TEST_PASSWORD))).toBe("TOKEN");
  });

  it("strangers from many addresses cost the owner at most LOGIN_MAX_EMAIL_DELAY_SECONDS", async () => {
    const c = await f.curator();
    for (const n of [1, 2, 3]) {
      for (let i = 0; i < 4; i++)
        expect(reason(await loginFrom(`203.0.113.${n}`, c.email, WRONG))).toBe("BAD_CREDENTIALS");
    }
    // 12 failures (LOGIN_MAX_FAILURES_PER_EMAIL) from anywhere: everyone waits, briefly.
    const first = await loginFrom(OWNER, c.email, TEST_PASSWORD);
    expect([reason(first), roundUpToDelay(retryAfterSeconds(first))]).toEqual(["RATE_LIMITED", 60]);
    await letDelaysPass();
    expect(reason(await loginFrom("203.0.113.4", c.email, WRONG))).toBe("BAD_CREDENTIALS");
    const second = await loginFrom(OWNER, c.email, TEST_PASSWORD);
    expect([reason(second), roundUpToDelay(retryAfterSeconds(second))]).toEqual(["RATE_LIMITED", 90]); // 120 capped at 90
    await letDelaysPass();
    expect(reason(await loginFrom(OWNER, c.email, TEST_PASSWORD))).toBe("TOKEN");
  });

  it("too many failures from one address slow that address for every email", async () => {
    const c = await f.curator();
    for (let i = 0; i < 10; i++)
      expect(reason(await loginFrom(STRANGER, `guess-${i}@example.org`, WRONG))).toBe("BAD_CREDENTIALS");
    expect(reason(await loginFrom(STRANGER, c.email, TEST_PASSWORD))).toBe("RATE_LIMITED");
    expect(reason(await loginFrom(OWNER, c.email, TEST_PASSWORD))).toBe("TOKEN");
  });

  it("addresses in one IPv6 /56 count as one address", async () => {
    expect(addressBlock("2001:db8:0:1234::1")).toBe("2001:db8:0:1200::/56");
    expect(addressBlock("2001:db8:0:12ff:ffff:ffff:ffff:ffff")).toBe("2001:db8:0:1200::/56");
    expect(addressBlock("2001:db8::")).toBe("2001:db8:0:0::/56");
    expect(addressBlock("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressBlock("192.0.2.1")).toBe("192.0.2.1");
    const c = await f.curator();
    for (let i = 0; i < 5; i++) await loginFrom(`2001:db8:0:12${i}0::${i + 1}`, c.email, WRONG);
    expect(reason(await loginFrom("2001:db8:0:12aa::9", c.email, WRONG))).toBe("RATE_LIMITED");
  });
});

describe("a disabled account", () => {
  it("answers the right password exactly as a wrong one, byte for byte", async () => {
    const disabled = await f.curator({ active: false });
    const active = await f.curator();
    const answers = [
      await loginFrom(STRANGER, disabled.email, TEST_PASSWORD),
      await loginFrom(STRANGER, active.email, WRONG),
      await loginFrom(STRANGER, "nobody@example.org", TEST_PASSWORD),
    ];
    for (const a of answers) expect([a.status, a.text]).toEqual([answers[1].status, answers[1].text]);
    expect(answers[0].body.errors![0]).toMatchObject({
      message: "Wrong email or password",
      extensions: { code: "UNAUTHENTICATED", reason: "BAD_CREDENTIALS" },
    });
  });
});

describe("counters live in the database", () => {
  it("a second server process on the same database sees the first one's attempts", async () => {
    const ds = createDataSource(server.config.database);
    await ds.initialize();
    const other = await createDirectoryApp(createAppDeps(ds, server.config));
    await new Promise<void>((resolve) => other.httpServer.listen(0, "127.0.0.1", resolve));
    try {
      const otherBase = `http://127.0.0.1:${(other.httpServer.address() as AddressInfo).port}`;
      const c = await f.curator();
      for (let i = 0; i < 5; i++) await loginFrom(STRANGER, c.email, WRONG, i % 2 ? server.base : otherBase);
      expect(reason(await loginFrom(STRANGER, c.email, WRONG, otherBase))).toBe("RATE_LIMITED");
      expect(reason(await loginFrom(STRANGER, c.email, WRONG, server.base))).toBe("RATE_LIMITED");
    } finally {
      await other.apollo.stop();
      await ds.destroy();
    }
  });
});
