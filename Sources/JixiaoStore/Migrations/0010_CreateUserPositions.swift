/// The positions a unit user holds in approvals (经办人, 分管领导, 主要领导, or the right to record the 党委会's decisions):
/// not system roles, but what lets a user sign one step of a payment's chain.
struct CreateUserPositions: StoreMigration {
    let number = 10
    let name = "create user positions"
    let statements = [
        """
        CREATE TABLE user_positions (
            user_id TEXT NOT NULL REFERENCES users(id),
            position TEXT NOT NULL,
            PRIMARY KEY (user_id, position)
        )
        """,
    ]
}
