/**
 * The storage interface. Two implementations: the embedded SQLite default (`index.ts` and the
 * repositories beside it) and PostgreSQL when DATABASE_URL is set (`postgres/`, one module per
 * repository). Everything is async.
 */
import type { Template } from '../../shared/schema/template.js'
import type { CreatedPeople, Department, NewPerson, User, UserChange } from './directory.js'
import type { SummaryRecord } from './catalog.js'
import type { SectionActivity, StoredState, UpdateRecord } from './updates.js'
import type { VersionRecord } from './versions.js'
import type { Backups } from './backups.js'
import type { JournalEntry } from './journal.js'
import type { ReadMark } from './readMarks.js'
import type { AuditCursor, AuditEntry } from '../../shared/audit.js'
import type { SignIns } from './audit.js'
import type { SessionInfo, SessionLookup, SessionOrigin } from './sessions.js'

export interface Store {
  directory: {
    listDepartments(): Promise<Department[]>
    getDepartment(id: string): Promise<Department | undefined>
    findDepartmentByName(name: string): Promise<Department | undefined>
    createDepartment(name: string): Promise<Department>
    renameDepartment(id: string, name: string): Promise<Department | undefined>
    /** Only for a department no user, section or figure refers to (the route checks). */
    deleteDepartment(id: string): Promise<void>
    ensureDepartment(name: string): Promise<Department>
    listUsers(): Promise<User[]>
    getUser(id: string): Promise<User | undefined>
    findCredentials(username: string): Promise<{ user: User; passwordHash: string } | undefined>
    createUser(input: Omit<User, 'id' | 'disabled'> & { passwordHash: string }): Promise<User>
    updateUser(id: string, change: UserChange): Promise<User | undefined>
    /** Creates everyone and their missing departments in one transaction: all or none. */
    createUsers(people: readonly NewPerson[]): Promise<CreatedPeople>
  }
  sessions: {
    create(userId: string, origin?: SessionOrigin): Promise<string>
    /** The user's live sessions, the latest active first (登录设备). */
    list(userId: string): Promise<SessionInfo[]>
    /** Ends one of the user's sessions by its public id; whether there was one. */
    revokeById(userId: string, id: string): Promise<boolean>
    /** The session's user; an idle one (登录超时) ends here. */
    resolve(token: string): Promise<SessionLookup>
    /** Activity: the idle time starts again (written at most once a minute). */
    touch(token: string): Promise<void>
    revoke(token: string): Promise<void>
    revokeUser(userId: string, keepToken?: string): Promise<void>
  }
  catalog: {
    listTemplates(): Promise<Array<{ id: string; title: string; builtin: boolean }>>
    getTemplate(id: string): Promise<Template | undefined>
    /** `createdAt` orders the list (built-ins are listed first, in the order they were saved). */
    saveTemplate(template: Template, builtin?: boolean, createdAt?: number): Promise<void>
    /** Summaries built from it keep what they have; only 按模板补全章节 no longer finds it. */
    deleteTemplate(id: string): Promise<void>
    /** Summaries in use (archived too), newest first; not those in the 回收站. */
    listSummaries(): Promise<SummaryRecord[]>
    /** A summary in use; undefined for one in the 回收站. */
    getSummary(id: string): Promise<SummaryRecord | undefined>
    /** The 回收站, the latest deleted first. */
    listDeleted(): Promise<SummaryRecord[]>
    getDeletedSummary(id: string): Promise<SummaryRecord | undefined>
    /** Into the 回收站 (`deletedBy`: the admin's name) or back out (null); answers the record. */
    setDeleted(id: string, deletedBy: string | null): Promise<SummaryRecord | undefined>
    /** Deletes a summary in the 回收站 and everything stored of it (versions, log, marks…); one in use is left alone. */
    purgeSummary(id: string): Promise<void>
    setArchived(id: string, archived: boolean): Promise<SummaryRecord | undefined>
    /** The title in the list; the doc's meta holds the same title for the exports. */
    setTitle(id: string, title: string): Promise<SummaryRecord | undefined>
    insertSummary(summary: SummaryRecord, createdBy: string | null, snapshot: Uint8Array): Promise<void>
    claimInitialisation(): Promise<boolean>
  }
  updates: {
    append(summaryId: string, records: readonly UpdateRecord[]): Promise<number>
    compact(summaryId: string, state: Uint8Array, uptoSeq: number): Promise<void>
    load(summaryId: string): Promise<StoredState>
    /** Updates after `seq`, for a process catching up. */
    loadSince(summaryId: string, seq: number): Promise<Array<{ seq: number; data: Uint8Array }>>
    activity(summaryId: string): Promise<SectionActivity[]>
  }
  versions: {
    insert(version: VersionRecord, data: Uint8Array): Promise<void>
    list(summaryId: string): Promise<VersionRecord[]>
    get(summaryId: string, id: string): Promise<(VersionRecord & { data: Uint8Array }) | undefined>
    remove(summaryId: string, id: string): Promise<void>
  }
  journal: {
    record(entry: JournalEntry): Promise<void>
    /** Newest first, at most JOURNAL_LIMIT. */
    list(summaryId: string): Promise<JournalEntry[]>
  }
  /** What each reader last read of each section (已读). */
  reads: {
    list(summaryId: string, userId: string): Promise<ReadMark[]>
    save(summaryId: string, userId: string, marks: readonly ReadMark[]): Promise<void>
  }
  /** 安全审计: sign-ins, passwords, accounts, backups. */
  audit: {
    record(entry: Omit<AuditEntry, 'id'>): Promise<void>
    /** Newest first, before the cursor, at most AUDIT_PAGE. */
    list(before?: AuditCursor, limit?: number): Promise<AuditEntry[]>
    /** The user's sign-in before the latest, and failed sign-ins with their name since. */
    signIns(userId: string, username: string): Promise<SignIns>
  }
  /** 登录失败处理: failed sign-ins per key (`u:<username>`, `a:<address>`), for the login limiter. */
  loginFailures: {
    count(key: string, since: number): Promise<number>
    /** One failure for each key at `at`; rows up to `prunedUpTo` go. */
    record(keys: readonly string[], at: number, prunedUpTo: number): Promise<void>
    clear(key: string): Promise<void>
  }
  /** Backups of the SQLite file; PostgreSQL is backed up with its own tools, so it has none. */
  backups?: Backups
  close(): Promise<void>
}
