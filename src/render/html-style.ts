/**
 * The plan page's only stylesheet, inlined so the file needs nothing else. Colours are near-black
 * on white (well past 7:1); nothing is said by colour alone. Print: no paper size is forced, so A4
 * and Letter both work; the margins suit both; rows and blocks never split across pages.
 */
export const PLAN_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { color: #1a1a1a; background: #fff; font-family: Arial, "Liberation Sans", "Helvetica Neue", Helvetica, sans-serif; line-height: 1.4; }
body { max-width: 58rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.55rem; margin: 0 0 .2rem; }
h2 { font-size: 1.1rem; margin: 1.3rem 0 .45rem; padding-bottom: .15rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1rem; margin: .9rem 0 .3rem; }
p { margin: .35rem 0; }
figure { margin: 0; }
ul, ol { margin: .3rem 0; padding-left: 1.4rem; }
li { margin: .15rem 0; }
a { color: #0b3d91; }
.kicker { margin: 0; font-size: .85rem; font-weight: bold; letter-spacing: .08em; text-transform: uppercase; }
.made, .small { font-size: .85rem; }
.notice { border: 2px solid #1a1a1a; padding: .35rem .6rem; margin: .6rem 0; font-weight: bold; }
.notice.soft { font-weight: normal; border-width: 1px; border-style: dashed; }
table { width: 100%; border-collapse: collapse; margin: .4rem 0; }
th, td { border: 1px solid #4a4a4a; padding: .3rem .4rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
tbody th { font-weight: bold; }
table.form th { width: 13em; background: #f2f2f2; font-weight: normal; }
table.form td { height: 1.9rem; }
td.blank { background: #fff; }
.num { width: 2.2rem; text-align: center; }
.steps col.move { width: 17%; } .steps col.how { width: 19%; } .steps col.gains { width: 27%; } .steps col.funding { width: 17%; } .steps col.time { width: 14%; }
.owner { width: 9rem; }
.due { width: 7rem; }
.actions td { height: 1.9rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.gain { display: block; }
.gain + .gain { margin-top: .2rem; }
.facts-line { display: block; font-size: .85rem; }
sup.ref { font-size: .7em; line-height: 0; white-space: nowrap; }
.route { display: block; max-width: 100%; height: auto; margin: .4rem 0 .2rem; }
.route .box { fill: #fff; stroke: #1a1a1a; stroke-width: 1.5; }
.route .box.goal { stroke-width: 3.5; }
.route .mark { font-weight: bold; font-size: 10px; letter-spacing: .06em; text-transform: uppercase; }
.route .arrow { fill: none; stroke: #1a1a1a; stroke-width: 1.5; }
.route .step { fill: #fff; stroke: #1a1a1a; stroke-width: 1; }
.route .step-number { font-weight: bold; }
.route text { fill: #1a1a1a; }
.alt { margin: .35rem 0; }
.signatures td { height: 2.6rem; }
.sources { font-size: .85rem; }
.sources { list-style: none; padding-left: 0; }
.sources li { margin: .25rem 0; padding-left: 2.2em; text-indent: -2.2em; overflow-wrap: anywhere; }
.url { overflow-wrap: anywhere; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.keep, tr, li, dl.facts, figure, .notice { break-inside: avoid; page-break-inside: avoid; }
/* An alternative may run on over a page break (keeping it whole can leave half a page empty), never its heading alone. */
.alt h3 { break-after: avoid; page-break-after: avoid; }
/* Signatures never stand alone on a page: the end of the actions table comes with them. */
#review-section { break-before: avoid; page-break-before: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
@media print {
  @page {
    margin: 10mm 12mm 12mm;
    @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7pt Arial, "Liberation Sans", sans-serif; color: #1a1a1a; }
  }
  html { font-size: 8.5pt; line-height: 1.28; }
  body { max-width: none; padding: 0; }
  h1 { font-size: 15pt; }
  h2 { font-size: 10.5pt; margin: 2.6mm 0 1.1mm; }
  h3 { font-size: 9pt; margin: 2mm 0 1mm; }
  a { color: inherit; text-decoration: none; }
  th, td { padding: .8mm 1.2mm; }
  thead { display: table-header-group; }
  table.form td { height: 6mm; }
  .actions td { height: 7mm; }
  .signatures td { height: 10mm; }
  .route { max-width: 100%; }
  #sources { break-before: page; page-break-before: always; }
  .sources { font-size: 6.8pt; line-height: 1.15; columns: 2; column-gap: 5mm; }
  .sources li { margin: 0 0 .25mm; padding-left: 0; text-indent: 0; }
}
`;
