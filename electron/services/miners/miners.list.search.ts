import { sql, type SQL } from 'drizzle-orm';
import { containsText } from '../../../db/text-search';
import { clients, miners } from '../../../db/schema';

/** The trigram tokenizer indexes sequences of three characters: a shorter term matches nothing through it. */
const shortestIndexedTerm = 3;

/** The term as one FTS5 phrase: a double quote is doubled, every other character means itself. */
const asPhrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

/**
 * Asset ID, serial, MAC, IP, hostname, make, model, firmware, worker (the text `miners_search` holds, kept
 * by the triggers of migration 0009), or the client's name contains the term, in any case.
 *
 * Terms of three characters or more are a phrase MATCH on the trigram index: a LIKE there re-reads every
 * candidate's text, several times slower on common terms. Shorter ones scan the index's own compact text,
 * not the wide miners rows. The miners of every client whose name matches are united in the same list,
 * built once per statement (an OR of two lists makes SQLite build both twice), and names are read live,
 * so a renamed client is found by its new name at once without re-indexing its miners.
 */
export function minerSearchCondition(term: string): SQL | undefined {
  const clientName = containsText(term, [clients.name]);
  if (!clientName) return undefined;
  const ownText = [...term].length < shortestIndexedTerm ? containsText(term, [sql`text`]) : sql`miners_search MATCH ${asPhrase(term)}`;
  return sql`${miners.id} IN (SELECT rowid FROM miners_search WHERE ${ownText}
    UNION ALL SELECT ${miners.id} FROM ${miners} WHERE ${miners.clientId} IN (SELECT ${clients.id} FROM ${clients} WHERE ${clientName}))`;
}
