const g = globalThis as typeof globalThis & {
  __GOVINFO_TEST_SERVICES__?: { stop(): Promise<void> };
};

export default async function globalTeardown(): Promise<void> {
  const services = g.__GOVINFO_TEST_SERVICES__;
  g.__GOVINFO_TEST_SERVICES__ = undefined;
  await services?.stop();
}
