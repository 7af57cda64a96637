import { Queue } from 'bullmq';
const url = process.argv[2];
for (const name of ['parse', 'extract']) {
  const q = new Queue(name, { connection: { url }, prefix: 'minutes' });
  const jobs = await q.getCompleted(0, -1);
  const d = jobs.map((j) => j.finishedOn - j.processedOn).sort((a, b) => a - b);
  const first = Math.min(...jobs.map((j) => j.processedOn)), last = Math.max(...jobs.map((j) => j.finishedOn));
  console.log(name, jobs.length, 'median ms', d[Math.floor(d.length / 2)], 'p90', d[Math.floor(d.length * 0.9)], 'span s', ((last - first) / 1000).toFixed(1));
  await q.close();
}
