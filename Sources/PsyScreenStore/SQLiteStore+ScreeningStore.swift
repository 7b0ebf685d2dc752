extension SQLiteStore: ScreeningStore {}
