export declare const SERVER_ENTRIES: Record<string, string>;
export declare const SERVER_OUTDIR: string;
export declare function bundleServer(entries?: Record<string, string>, outdir?: string): Promise<string>;
export declare function ensureServerBundle(): Promise<string>;
export declare function newestMtime(p: string): number;
