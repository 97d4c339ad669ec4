// Three Word files a county meeting office sends to print the night before a meeting, made here
// with the `docx` package the way the office types them (never copied from a corpus): no Heading
// styles, the title in centred 小标宋 (with a manual line break where the office wants it), the
// byline in centred 楷体, 一、 headings in bold 黑体, （一） in 楷体, 1. and （1） in bold 仿宋, the body in
// 仿宋 indented with `　　`, 附件 pages after a page break, and a table with a 合计 row.
import { writeFile } from 'node:fs/promises';

const fang = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const hei = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const kai = { eastAsia: '楷体_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const song = { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const INDENT = '\u3000\u3000';

/** One paragraph as typed: a body paragraph (`　　` + text), or a heading line with its face. */
type Para = string | { text: string; face: 'hei' | 'kai' | 'fang-bold' };

/** The speech by the 县长: a title with a manual break, a byline without subtitle, dates and figures. */
export const SPEECH = {
  file: '县长讲话.docx',
  title: ['在全县2024年防汛抗旱暨地质灾害防治', '工作会议上的讲话'],
  speaker: '县委副书记、县长　张文斌',
  date: '（2024年4月18日）',
  body: [
    '同志们：',
    '今天召开全县2024年防汛抗旱暨地质灾害防治工作会议，主要任务是总结2023年工作，分析当前形势，安排部署今年的防汛抗旱和地质灾害防治工作。刚才，县水利局、县自然资源局分别通报了汛前检查情况，城关镇、河口乡作了表态发言，我都同意。',
    { text: '一、客观看待当前防汛抗旱形势', face: 'hei' },
    '2023年，全县平均降雨量1286.5毫米，比常年偏多18.3%，先后发生强降雨过程11次，全县上下共转移群众3260人，没有发生一起因灾死亡事故。全年投入防汛资金4580万元，完成病险水库除险加固7座，新建和加固堤防26.8公里。',
    '同时也要清醒地看到，我县防汛抗旱工作还存在不少薄弱环节。一是部分乡镇责任落实不到位，个别村级责任人对预案内容不熟悉；二是全县还有13座小型水库存在不同程度的安全隐患；三是山洪灾害监测预警设施老化，42个自动雨量站中有9个需要更换。',
    '据县气象局预测，今年汛期全县降雨量可能比常年偏多1至2成，极端天气发生的概率较大，局地强降雨引发山洪、滑坡、泥石流的可能性增加。对此，我们必须坚持底线思维，立足于防大汛、抗大旱、抢大险、救大灾。',
    { text: '二、扎实做好今年防汛抗旱各项工作', face: 'hei' },
    { text: '（一）压紧压实防汛责任。', face: 'kai' },
    '各乡镇要严格落实以行政首长负责制为核心的防汛抗旱责任制，4月30日前把县、乡、村、组四级责任人名单报县防汛抗旱指挥部办公室备案，并在县政府网站上公布，接受社会监督。',
    { text: '（二）全面排查整治隐患。', face: 'kai' },
    '5月15日前，各乡镇、各有关部门要对水库、堤防、山塘、在建工程和地质灾害隐患点开展一次拉网式排查，建立问题清单、责任清单、整改清单，对排查出的隐患逐项整改销号，整改不到位的不得进入汛期。',
    { text: '（三）强化监测预警和应急值守。', face: 'kai' },
    '汛期实行24小时值班和领导带班制度，县防汛抗旱指挥部办公室要加强与气象、水文部门的会商研判，及时发布预警信息。各乡镇要确保预警信息在30分钟内传达到村、到户、到人。',
    { text: '三、切实加强地质灾害防治', face: 'hei' },
    '全县现有地质灾害隐患点87处，威胁群众1152户4630人。各乡镇要对每一处隐患点落实监测责任人，汛期每天至少巡查1次，强降雨期间实行24小时监测，发现险情立即组织群众转移。',
    '同志们，防汛抗旱和地质灾害防治工作责任重于泰山。我们要以对人民群众高度负责的态度，坚决打赢今年防汛抗旱这场硬仗，确保全县人民群众生命财产安全！',
  ] as Para[],
};

/** The 副县长's arrangement: a 附件说明 and two attachment pages. */
export const ARRANGEMENT = {
  file: '副县长安排.docx',
  title: ['关于做好2024年全县春耕生产工作的安排意见'],
  speaker: '副县长　王建国',
  date: '（2024年4月18日）',
  body: [
    '同志们：',
    '当前正值春耕生产的关键时期，下面，我就做好今年春耕生产工作讲三点意见。',
    { text: '一、稳定粮食播种面积', face: 'hei' },
    '今年全县粮食播种面积要稳定在42.6万亩以上，其中水稻28.5万亩、玉米9.8万亩、大豆4.3万亩。各乡镇要把面积落实到村、到户、到田块，4月25日前将落实情况报县农业农村局。',
    { text: '二、抓好农资供应和技术服务', face: 'hei' },
    '县供销社要确保化肥、种子、农药等农资储备充足，全县已储备化肥1.2万吨、种子860吨。县农业农村局要组织68名农技人员下沉一线，开展面对面技术指导。',
    { text: '三、加强组织领导', face: 'hei' },
    '各乡镇、各有关部门要把春耕生产作为当前的重点工作，主要负责同志亲自抓，分管负责同志具体抓，确保各项措施落到实处。',
  ] as Para[],
  note: ['附件：1．全县2024年粮食播种面积任务分解表', '2．全县春耕生产农资储备情况'],
  attachments: [
    {
      label: '附件1',
      title: '全县2024年粮食播种面积任务分解表',
      body: ['城关镇粮食播种面积4.2万亩，其中水稻2.8万亩。', '河口乡粮食播种面积5.1万亩，其中水稻3.6万亩。', '其余各乡镇按县农业农村局下达的任务执行。'],
    },
    {
      label: '附件2',
      title: '全县春耕生产农资储备情况',
      body: ['截至4月15日，全县储备化肥1.2万吨、种子860吨、农药95吨，能够满足春耕生产需要。'],
    },
  ],
};

/** The 应急局's report: 一、/（一）/1./（1） levels and a table with a 合计 row, long enough to cross a page. */
export const REPORT = {
  file: '应急局汇报.docx',
  title: ['县应急管理局关于2024年一季度全县安全生产工作情况的汇报'],
  speaker: '县应急管理局局长　刘志刚',
  date: '（2024年4月18日）',
  table: [
    ['序号', '乡镇', '检查企业（家）', '发现隐患（处）', '已整改（处）', '整改率'],
    ['1', '城关镇', '126', '348', '331', '95.1%'],
    ['2', '河口乡', '58', '142', '139', '97.9%'],
    ['3', '石桥镇', '73', '196', '180', '91.8%'],
    ['4', '龙泉乡', '41', '97', '97', '100%'],
    ['5', '青山镇', '66', '173', '160', '92.5%'],
    ['6', '白沙乡', '35', '81', '78', '96.3%'],
    ['7', '新华镇', '92', '254', '239', '94.1%'],
    ['8', '桃源乡', '29', '64', '64', '100%'],
    ['9', '红星镇', '57', '150', '141', '94.0%'],
    ['10', '东岭乡', '33', '72', '70', '97.2%'],
    ['11', '西湖镇', '81', '215', '198', '92.1%'],
    ['12', '南山乡', '38', '90', '86', '95.6%'],
    ['合计', '', '729', '1882', '1783', '94.7%'],
  ],
  body: [
    '今年以来，县应急管理局在县委、县政府的坚强领导下，认真贯彻落实上级安全生产工作部署，全县安全生产形势总体平稳。现将一季度工作情况汇报如下。',
    { text: '一、主要工作情况', face: 'hei' },
    { text: '（一）开展安全生产大检查。', face: 'kai' },
    { text: '1.突出重点行业领域。', face: 'fang-bold' },
    '一季度，全县共组织检查组46个，检查企业729家，发现隐患1882处，已整改1783处，整改率94.7%。其中，危险化学品企业32家、非煤矿山14家、烟花爆竹经营单位57家。',
    { text: '（1）危险化学品领域。', face: 'fang-bold' },
    '对全县32家危险化学品企业开展了全覆盖检查，发现隐患216处，已全部完成整改，立案处罚3家，罚款金额共计12.6万元。',
    { text: '（2）非煤矿山领域。', face: 'fang-bold' },
    '对14家非煤矿山企业逐一开展检查，责令停产整顿2家，关闭取缔1家，督促企业投入安全生产资金386万元。',
    { text: '（3）烟花爆竹领域。', face: 'fang-bold' },
    '春节前后，联合公安、市场监管部门对57家烟花爆竹经营单位开展了3轮联合检查，查处违规储存行为6起，收缴非法烟花爆竹1260箱。',
    { text: '2.压实乡镇属地责任。', face: 'fang-bold' },
    '各乡镇排查整治情况如下表。',
    'TABLE',
    '从排查整治情况看，各乡镇整改率均在90%以上，龙泉乡、桃源乡实现隐患全部清零，石桥镇、西湖镇整改率相对偏低，需要进一步加大督促力度。',
    { text: '（二）强化应急救援能力建设。', face: 'kai' },
    '一季度，全县组织开展各类应急演练38场次，参与人员2150人次；新购置应急救援装备126台（套），全县应急物资储备库达到12个。',
    { text: '二、存在的主要问题', face: 'hei' },
    '一是部分企业主体责任落实不到位，隐患反复出现；二是基层监管力量薄弱，全县乡镇安全监管人员仅有48人；三是部分从业人员安全意识不强，违规操作现象时有发生。',
    { text: '三、下一步工作打算', face: 'hei' },
    '二季度，我们将围绕防汛和高温季节安全生产特点，4月底前完成全县1200家企业的隐患排查，6月底前整改到位，坚决防范和遏制重特大事故发生。',
  ] as Para[],
};

/** Write the three Word files into `dir`; returns their paths in meeting order. */
export async function handoutDocxs(dir: string): Promise<string[]> {
  const d = await import('docx');
  const run = (text: string, font = fang, extra: { bold?: boolean; size?: number } = {}) => new d.TextRun({ text, font, size: 32, ...extra });
  const centred = (children: InstanceType<typeof d.TextRun>[]) => new d.Paragraph({ alignment: d.AlignmentType.CENTER, children });
  const para = (p: Para) =>
    typeof p === 'string'
      ? new d.Paragraph({ children: [run(INDENT + p)] })
      : new d.Paragraph({ children: [run(INDENT + p.text, p.face === 'hei' ? hei : p.face === 'kai' ? kai : fang, { bold: p.face !== 'kai' })] });
  // The title as typed: one centred 小标宋 paragraph, its lines split by a manual break (Shift+Enter).
  const head = (doc: { title: string[]; speaker: string; date: string }) => [
    centred(doc.title.map((t, i) => new d.TextRun({ text: t, font: song, size: 44, ...(i ? { break: 1 } : {}) }))),
    centred([run(doc.speaker, kai)]),
    centred([run(doc.date, kai)]),
  ];
  const cell = (text: string, bold = false) =>
    new d.TableCell({ children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text, font: bold ? hei : fang, size: 28, bold })] })] });
  const table = new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    rows: REPORT.table.map((r, i) => new d.TableRow({ tableHeader: i === 0, children: r.map((c) => cell(c, i === 0)) })),
  });
  const files: [string, InstanceType<typeof d.Paragraph | typeof d.Table>[]][] = [
    [SPEECH.file, [...head(SPEECH), ...SPEECH.body.map(para)]],
    [
      ARRANGEMENT.file,
      [
        ...head(ARRANGEMENT),
        ...ARRANGEMENT.body.map(para),
        new d.Paragraph({ children: [run('')] }),
        // 附件说明: `附件：1．…`, the next item on its own line, as offices type it.
        ...ARRANGEMENT.note.map((t, i) => new d.Paragraph({ indent: i ? { left: 960 } : undefined, children: [run(i ? t : INDENT + t)] })),
        ...ARRANGEMENT.attachments.flatMap((a) => [
          // Ctrl+Enter: a page break, then the label top left in 黑体 and the title centred in 小标宋.
          new d.Paragraph({ children: [new d.PageBreak(), run(a.label, hei)] }),
          centred([new d.TextRun({ text: a.title, font: song, size: 44 })]),
          ...a.body.map(para),
        ]),
      ],
    ],
    [REPORT.file, [...head(REPORT), ...REPORT.body.map((p) => (p === 'TABLE' ? table : para(p)))]],
  ];
  const out: string[] = [];
  for (const [name, children] of files) {
    const file = `${dir}/${name}`;
    await writeFile(file, await d.Packer.toBuffer(new d.Document({ sections: [{ children }] })));
    out.push(file);
  }
  return out;
}
