#ifndef JIXIAO_SQLITE_CONFIG_H
#define JIXIAO_SQLITE_CONFIG_H

/// Turns on SQLite's query planner stability guarantee (SQLITE_DBCONFIG_ENABLE_QPSG) for the connection `db` (a
/// `sqlite3 *` of the SQLite that SQLiteNIO bundles). Without it a kept statement is planned again whenever a value
/// bound to it changes. Returns SQLite's result code. In C because `sqlite3_db_config` is variadic, which Swift
/// cannot call.
int jixiao_sqlite_fix_query_plans(void *db);

#endif
