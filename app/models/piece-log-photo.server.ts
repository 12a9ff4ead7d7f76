// A piece log's photo (issue 8), for the only people who may see it: the
// worker who logged it and the coordinators of her workshop. The log is looked
// up among what the asker may see, so for anyone else (another worker, another
// workshop's coordinator) it is simply not found, exactly as an id that does
// not exist; so is a log without a photo or whose file is gone.
import type { Scope } from "../domain/access.ts";
import { db } from "../infra/db.server.ts";
import { readPhoto } from "../infra/photo-store.server.ts";

export type PieceLogPhoto = { bytes: Uint8Array; contentType: string };

export async function findPieceLogPhoto(scope: Scope, logId: string): Promise<PieceLogPhoto | null> {
  if (scope.role !== "worker" && scope.role !== "coordinator") return null;
  if (logId === "" || logId.length > 64) return null;
  const log = await db().pieceLog.findFirst({
    where: {
      id: logId,
      workshopId: scope.workshopId,
      ...(scope.role === "worker" ? { workerId: scope.userId } : {}),
    },
    select: { photoPath: true },
  });
  if (!log?.photoPath) return null;
  return readPhoto(log.photoPath);
}
