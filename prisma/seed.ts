// `npm run db:seed`: the demo workspace, once.
import { disconnectDb } from "@/lib/db/client";
import { DEMO_USERS, seedDemo } from "@/lib/seed/demo";

const { created } = await seedDemo();
console.log(created ? "Seeded the demo workspace." : "The demo workspace is already there: nothing to do.");
for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(9)} ${user.email} / ${user.password}`);
await disconnectDb();
