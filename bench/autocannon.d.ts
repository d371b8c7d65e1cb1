/** The slice of autocannon's programmatic API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  export interface AutocannonOptions {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Requests per second across all connections; latencies are corrected for coordinated omission. */
    overallRate?: number;
    /** Called with each connection's client; it emits `headers` with the parsed response head. */
    setupClient?: (client: NodeJS.EventEmitter) => void;
    requests?: Array<{ setupRequest?: (request: RequestParams) => RequestParams }>;
  }

  export interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
  }

  export interface ResponseHead {
    statusCode: number;
    /** Names and values alternating, as received. */
    headers: string[];
  }

  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  }

  export interface AutocannonResult {
    /** Seconds actually run. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    mismatches: number;
    /** Completed requests per one-second sample; `total` counts all of them. */
    requests: Histogram & { sent: number };
    /** Milliseconds per request. */
    latency: Histogram;
    /** Bytes per one-second sample; `total` counts all bytes received. */
    throughput: Histogram;
  }

  export default function autocannon(
    options: AutocannonOptions,
  ): PromiseLike<AutocannonResult> & NodeJS.EventEmitter;
}
