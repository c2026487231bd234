/** The parts of the Frictionless Data libraries (npm datapackage, tableschema; no types of their own) the tests use. */
declare module 'datapackage' {
  export interface Resource {
    name: string;
    tabular: boolean;
    descriptor: { path: string; schema?: object; licenses?: object[] };
  }
  export class Package {
    static load(descriptor: string | object, basePath?: string): Promise<Package>;
    valid: boolean;
    errors: Error[];
    resources: Resource[];
    getResource(name: string): Resource | null;
  }
}

declare module 'tableschema' {
  export class Table {
    /** `options` other than `schema` go to the CSV parser (csv-parse 4), e.g. `bom: true`. */
    static load(source: string, options: { schema: object; bom?: boolean }): Promise<Table>;
    headers: string[];
    /** With `cast`, every value is cast to its field's type and checked against its constraints; throws on any error. */
    read(options: { cast: boolean }): Promise<unknown[][]>;
  }
}
