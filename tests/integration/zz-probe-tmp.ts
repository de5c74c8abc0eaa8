import S3rver from "s3rver";
const s = new S3rver({});
const n: number = s.run;
export const x = n;
