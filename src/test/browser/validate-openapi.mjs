// Validates an OpenAPI document with @apidevtools/swagger-parser, an implementation independent of the one that
// wrote it (springdoc). Prints "valid" or the validator's complaint; exit status 0 or 1. Run by OpenApiIT.
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
try {
  await SwaggerParser.validate(file);
  console.log("valid");
} catch (problem) {
  console.log(String(problem.message || problem));
  process.exit(1);
}
