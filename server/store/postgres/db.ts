/**
 * The connection pool of the PostgreSQL store and the three ways its repositories query it: one
 * row, all rows, or a transaction on one client.
 */
import pg from 'pg'

// BIGINT columns come back as numbers: our values (milliseconds, sequence numbers) fit.
pg.types.setTypeParser(20, (value) => Number(value))

export interface PgDb {
  pool: pg.Pool
  one<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T | undefined>
  all<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>
}

export const createPgDb = (url: string): PgDb => {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  return {
    pool,
    one: async (sql, params = []) => (await pool.query(sql, params)).rows[0],
    all: async (sql, params = []) => (await pool.query(sql, params)).rows,
    transaction: async (work) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work(client)
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
  }
}
