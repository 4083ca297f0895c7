import { useMemo } from "react";

/**
 * The same array for the same errors: the error summary moves focus to itself whenever it is given a new
 * list, so a re-render with unchanged errors must not hand it one (focus would jump mid-click).
 */
export function useStableErrors<T>(errors: T[]): T[] {
  const key = JSON.stringify(errors);
  return useMemo(() => errors, [key]);
}
