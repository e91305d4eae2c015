// A place in an entity's data, as rules report it and the file layer turns into a line and column.
export type JsonPath = readonly (string | number)[];

/** 'value' points at the value of the path's last step, 'key' at its key (for unknown fields). */
export type Target = 'key' | 'value';
