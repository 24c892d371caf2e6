#include "JixiaoSQLiteConfig.h"

/* The bundled SQLite's entry point (VaporCSQLite, linked in through SQLiteNIO). */
extern int sqlite_nio_sqlite3_db_config(void *db, int op, ...);

/* SQLITE_DBCONFIG_ENABLE_QPSG in sqlite3.h. */
enum { enableQueryPlannerStabilityGuarantee = 1007 };

int jixiao_sqlite_fix_query_plans(void *db) {
    int now = 0;
    return sqlite_nio_sqlite3_db_config(db, enableQueryPlannerStabilityGuarantee, 1, &now);
}
