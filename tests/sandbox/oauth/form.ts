// Form bodies of the OAuth endpoints: application/x-www-form-urlencoded (token, introspect, revoke)
// or multipart/form-data (the consent submit), read into name → values (a name may repeat: scope).
import type { RequestContext } from '../context.ts';
import { multipartBoundary, parseMultipart } from '../uploads/multipart.ts';

export type FormValues = Map<string, string[]>;

export async function readForm(ctx: RequestContext): Promise<FormValues> {
  const type = ctx.req.headers['content-type'] ?? '';
  const raw = await ctx.readBody(1024 * 1024);
  const out: FormValues = new Map();
  const add = (name: string, value: string) => {
    const list = out.get(name);
    if (list) list.push(value);
    else out.set(name, [value]);
  };
  const boundary = /multipart\/form-data/i.test(type) ? multipartBoundary(type) : undefined;
  if (boundary) {
    for (const part of parseMultipart(raw, boundary))
      if (part.filename === undefined) add(part.name, part.data.toString('utf8'));
    return out;
  }
  for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) add(name, value);
  return out;
}

export function first(form: FormValues, name: string): string | undefined {
  const value = form.get(name)?.[0];
  return value === undefined || value === '' ? undefined : value;
}
