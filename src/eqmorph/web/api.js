// eqmorph page: GET requests to this server's /api, with the server's error body kept on failure.
import { serverAnswered, serverUnreachable } from "./connection.js";

class ApiError extends Error {
  constructor(status, body) {
    super(body.detail || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

// fetch() rejects with a bare TypeError ("Failed to fetch") when nothing answers: a stopped `eqmorph serve`.
// It gets a sentence a user can act on, and the page says so next to the controls (connection.js).
export class ServerUnreachable extends Error {
  constructor() {
    super("the eqmorph server is not reachable (is `eqmorph serve` still running?)");
    this.name = "ServerUnreachable";
  }
}

export async function api(path, params = {}, signal = undefined) {
  const query = new URLSearchParams(params).toString();
  let response;
  try {
    response = await fetch(query ? `${path}?${query}` : path, { signal, headers: { Accept: "application/json" } });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    serverUnreachable();
    throw new ServerUnreachable();
  }
  serverAnswered();
  const body = await response.json().catch(() => ({ detail: response.statusText }));
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}
