/** The iot department's data source name (IOT_DB_URL). */
export const IOT = 'iot';
