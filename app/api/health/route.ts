import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** 200 with JSON once the database is open and migrated (the server seeds before serving). */
export function GET(): Response {
  try {
    return Response.json(getRuntime().health());
  } catch (err) {
    return Response.json({ status: "starting", message: err instanceof Error ? err.message : String(err) }, { status: 503 });
  }
}
