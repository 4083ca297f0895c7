import * as checkRoute from "~/routes/s.$slug.$audience.check";
import * as questionRoute from "~/routes/s.$slug.$audience.questions.$number";
import * as talkRoute from "~/routes/s.$slug.talk";

/**
 * Someone answering a public survey through its real route actions, as a browser would: cookies in,
 * cookies out, one question per request, then "Check your answers".
 */
const context = { cspNonce: "", clientAddress: "198.51.100.7" };

export async function run(handler: (args: any) => unknown, request: Request, params: Record<string, string>) {
  try {
    return (await handler({ request, params, context })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export class Respondent {
  cookies = new Map<string, string>();
  constructor(
    readonly slug: string,
    readonly audience = "parents",
  ) {}

  private take(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, value] = pair!.split("=") as [string, string];
      if (/Max-Age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private request(path: string, form: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) for (const one of [value].flat()) body.append(name, one);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body });
  }

  /** Answers question `number` (1-based, in survey order). */
  async answer(number: number, answer: string | string[]) {
    const params = { slug: this.slug, audience: this.audience, number: String(number) };
    const path = `/s/${this.slug}/${this.audience}/questions/${number}`;
    const response = await run(questionRoute.action, this.request(path, { answer }), params);
    this.take(response);
    return response;
  }

  async submit() {
    const path = `/s/${this.slug}/${this.audience}/check`;
    const response = await run(checkRoute.action, this.request(path, {}), { slug: this.slug, audience: this.audience });
    this.take(response);
    if (!response.headers.get("Location")?.endsWith("/done")) throw new Error(`not submitted: ${response.status}`);
    return response;
  }

  /** Answers by question number, then submits. */
  async respond(answers: Record<number, string | string[]>) {
    for (const [number, answer] of Object.entries(answers)) await this.answer(Number(number), answer);
    return this.submit();
  }

  /** "I'm happy to talk to an inspector": the separate, named form. */
  async askToTalk(name: string) {
    const path = `/s/${this.slug}/talk`;
    return run(talkRoute.action, this.request(path, { name, email: "parent@example.org", agree: "yes" }), {
      slug: this.slug,
    });
  }
}
