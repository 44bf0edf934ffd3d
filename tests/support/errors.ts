import type { GqlResult } from "./server";

/** Asserts that an operation failed with `code`, at `path` when given, and returns the error. */
export function expectError(result: GqlResult, code: string, path?: (string | number)[]) {
  expect(result.errors).toBeDefined();
  const error = result.errors!.find((e) => e.extensions?.code === code);
  if (!error) throw new Error(`expected a ${code} error, got ${JSON.stringify(result.errors)}`);
  if (path) expect(error.path).toEqual(path);
  return error;
}

/** Asserts that an operation succeeded and returns its data. */
export function expectData<T = Record<string, any>>(result: GqlResult<T>): T {
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  expect(result.data).toBeTruthy();
  return result.data as T;
}
