import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { storedFiles } from './files.tables.js';

/** A stored upload with its content. Content never changes: a replacement is a new file. */
export interface StoredFile {
  id: string;
  contentType: string;
  byteSize: number;
  /** Hex SHA-256 of the content: a strong validator (ETag) for as long as the file lives. */
  sha256: string;
  content: Uint8Array;
  createdAt: Date;
}

/**
 * Uploaded files kept in the database (ADR 11). Generic on purpose: the record that owns a file
 * (an organization photo, a practitioner's photo) decides who may read it and serves it through
 * its own route; this repository never answers "is this public". Build it on a transaction to
 * write a file and the row that refers to it together.
 */
export function createFileRepository(db: Database) {
  return {
    async insert(
      contentType: string,
      bytes: Uint8Array,
      createdBy: string | null,
    ): Promise<string> {
      const [row] = await db
        .insert(storedFiles)
        .values({
          contentType,
          byteSize: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          content: bytes,
          createdBy,
        })
        .returning({ id: storedFiles.id });
      if (!row) throw new Error('insert returned no row');
      return row.id;
    },

    async find(id: string): Promise<StoredFile | undefined> {
      const [row] = await db
        .select({
          id: storedFiles.id,
          contentType: storedFiles.contentType,
          byteSize: storedFiles.byteSize,
          sha256: storedFiles.sha256,
          content: storedFiles.content,
          createdAt: storedFiles.createdAt,
        })
        .from(storedFiles)
        .where(eq(storedFiles.id, id));
      return row;
    },

    /** Removes a file no row refers to any more (the caller deletes the reference first). */
    async remove(id: string): Promise<void> {
      await db.delete(storedFiles).where(eq(storedFiles.id, id));
    },
  };
}

export type FileRepository = ReturnType<typeof createFileRepository>;
