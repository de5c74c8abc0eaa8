import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { env } from "./env.server.ts";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

// One client per process; kept on globalThis so dev-server reloads do not open new pools.
const globalForDb = globalThis as unknown as { stapelPrisma?: PrismaClient };

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForDb.stapelPrisma ??= createPrismaClient(env().DATABASE_URL);
    const value = Reflect.get(globalForDb.stapelPrisma, property);
    return typeof value === "function" ? value.bind(globalForDb.stapelPrisma) : value;
  },
});
