//! Figures in real sentences: the distinction between statistics and the numbers
//! that are not figures (`ANNOTATION.md`, Figures). Every sentence below is quoted
//! from the file it cites (checked by `sentences_occur_in_their_files`).

use std::path::PathBuf;

use shuzhi::{extract_figures, Approx, FigureKind, FigureValue};

use Approx::{About, Exact, Over, Under};
use FigureKind::{Age, Date, Duration, Fraction, Money, Percent, Quantity};

/// An expected value.
#[derive(Debug, Clone, Copy)]
enum V {
    N(f64),
    D(&'static str),
}
use V::{D, N};

type Expected = (&'static str, V, &'static str, FigureKind, Approx);

const S000: &str = "corpora/seeds/000_4af8d29bda645445.txt";
const S001: &str = "corpora/seeds/001_fd86afc0123410e9.txt";
const S002: &str = "corpora/seeds/002_8c8e1e44827e67a7.txt";
const S003: &str = "corpora/seeds/003_f37cf23f154b0951.txt";
const S004: &str = "corpora/seeds/004_473553d09c15cc5d.txt";
const D001: &str = "corpora/dev/001_gwr-national-1954.txt";
const D002: &str = "corpora/dev/002_gwr-national-1978.txt";
const D005: &str = "corpora/dev/005_gwr-national-2008.txt";
const D006: &str = "corpora/dev/006_gwr-national-2016.txt";
const D007: &str = "corpora/dev/007_gwr-national-2024.txt";
const D008: &str = "corpora/dev/008_cpc-congress-13-report-1987.txt";
const D009: &str = "corpora/dev/009_gwr-hebei-2026.txt";
const D011: &str = "corpora/dev/011_gwr-guangdong-2026.txt";
const D012: &str = "corpora/dev/012_gwr-heilongjiang-2026.txt";
const D013: &str = "corpora/dev/013_gwr-ningxia-2026.txt";
const D014: &str = "corpora/dev/014_gwr-shanghai-2026.txt";
const D016: &str = "corpora/dev/016_speech-national-jzfp-2020.txt";
const D003: &str = "corpora/dev/003_gwr-national-1988.txt";
const D010: &str = "corpora/dev/010_gwr-xizang-2026.txt";
const W19: &str = "corpora/written/w19_xianweishuji-shuzhi-pingyi-dianping.txt";
const W20: &str = "corpora/written/w20_zhetang-zhen-ganbu-geren-zongjie.txt";
const D015: &str = "corpora/dev/015_speech-national-jzfp-zuotanhui-2018.txt";
const D018: &str = "corpora/dev/018_speech-national-ztjy-zongjie-2020.txt";
const W01: &str = "corpora/written/w01_dongling-zhen-dangjian-shuzhi.txt";
const W03: &str = "corpora/written/w03_zhongxue-zongzhi-shuzhi-shulian.txt";
const W04: &str = "corpora/written/w04_yiyuan-dangwei-shuze-shulian.txt";
const W05: &str = "corpora/written/w05_ranqi-fengongsi-zhibu-shuzhi.txt";
const W06: &str = "corpora/written/w06_xiping-cun-zhibu-shuzhi.txt";
const W07: &str = "corpora/written/w07_shijianju-minzhu-shenghuohui-duizhao.txt";
const E1985: &str = "corpora/extra/gwr-national-1985.txt";
const EHENAN: &str = "corpora/extra/gwr-2026-henan.txt";
const E043: &str = "corpora/extra/speech-2020-043.txt";
const E1987: &str = "corpora/extra/gwr-national-1987.txt";
const ECPC14: &str = "corpora/extra/cpc-congress-14.txt";

/// (file, sentence, the real figures in it: text, value, unit, kind, approx).
const CASES: &[(&str, &str, &[Expected])] = &[
    (S004, "全州共排查各类公路安全隐患857处,已整改落实748处;三是公路安全生产监管执法成效明显",
        &[("857处", N(857.0), "处", Quantity, Exact), ("748处", N(748.0), "处", Quantity, Exact)]),
    (S004, "公路系统认真开展安全生产“监管执法年”活动,有针对性组织开展安全专项行动,共下达了安全生产督办通知书10份,公路安全生产监管执法工作扎实;四是建设工地平安",
        &[("10份", N(10.0), "份", Quantity, Exact)]),
    (S004, "目前全州国省干线公路列入管养的仅有950公里,公路安防设施缺口大,今年提出国省干线公路安防设施建设将实施200多公里,计划用两年时间完成建设",
        &[("950公里", N(950.0), "公里", Quantity, Exact), ("200多公里", N(200.0), "公里", Quantity, Over),
          ("两年", N(2.0), "年", Duration, Exact)]),
    (S004, "同时,我这里强调,全州18000余公里农村公路,列入我们统计报表有10490公里,这同样也是我们公路部门管理责任范畴",
        &[("18000余公里", N(18000.0), "公里", Quantity, Over), ("10490公里", N(10490.0), "公里", Quantity, Exact)]),
    (S004, "现在离年底仅剩下50天时间,区上原则上不再开全区性大会,各镇办、部门除召开各自的总结会之外,原则上也不要再开大会,全力以赴抓好工作落实",
        &[("50天", N(50.0), "天", Duration, Exact)]),
    (S004, "同志们,距离年底只有短短不到2个月,时间紧迫、任务繁重",
        &[("2个月", N(2.0), "月", Duration, Under)]),
    (S004, "刚才,9位机关党委书记代表进行了述职,大家客观总结了2017年取得的成绩,紧密联系本部门本单位的实际,直面问题,找准症结,明确了下步的工作方向和整改措施,达到了会议的预期目的和效果",
        &[("9位", N(9.0), "位", Quantity, Exact), ("2017年", D("2017"), "", Date, Exact)]),
    (S004, "同时,今天会上没有进行述职的其他73个单位的书面述职材料,将在市直机关党建网进行公示,供各基层党组织进行互相监督、交流和学习借鉴",
        &[("73个", N(73.0), "个", Quantity, Exact)]),
    (S004, "我市机关有82个直属党组织,基层一线党支部744个,党员总数9945人",
        &[("82个", N(82.0), "个", Quantity, Exact), ("744个", N(744.0), "个", Quantity, Exact),
          ("9945人", N(9945.0), "人", Quantity, Exact)]),
    (S004, "2018年是贯彻落实党的十九大精神的开局之年,是改革开放40周年,是决胜全面建成小康社会、实施“十三五”规划承上启下的关键一年",
        &[("2018年", D("2018"), "", Date, Exact), ("40周年", N(40.0), "周年", Duration, Exact)]),
    (S004, "前段时间,习近平总书记对新华社一篇《形式主义、官僚主义新表现值得警惕》的文章作出重要指示,中纪委也再次点名10种形式主义、官僚主义表现,这些表现在机关不同程度存在",
        &[("10种", N(10.0), "种", Quantity, Exact)]),
    (S004, "第三,关于2017年的工作", &[("2017年", D("2017"), "", Date, Exact)]),
    (S000, "三、抓好2020年市总基层党建工作,我谈几点意见", &[("2020年", D("2020"), "", Date, Exact)]),
    (S004, "2017年既是“十二五”规划的收官之年,也是“十三五”规划制定的关键之年",
        &[("2017年", D("2017"), "", Date, Exact)]),
    (S003, "刚才，市直4个部门的机关党组织负责人进行了大会述职，听了很受启发，一些好经验好做法值得我们认真学习借鉴",
        &[("4个", N(4.0), "个", Quantity, Exact)]),
    (S003, "市委这次出台的《意见》，提出了19条硬措施，市直机关要结合实际不折不扣地抓好落实，集中发力解决机关党建存在的突出问题，不断提高机关党建工作的规范化、制度化和科学化水平",
        &[("19条", N(19.0), "条", Quantity, Exact)]),
    (S003, "这次会议的主要任务是，总结2019年工作，对2020年工作任务进行部署",
        &[("2019年", D("2019"), "", Date, Exact), ("2020年", D("2020"), "", Date, Exact)]),
    (S001, "黑龙江把“党课开讲啦”活动作为理论武装重要载体,讲党课5.8万次,参加党员280万人次",
        &[("5.8万次", N(58000.0), "次", Quantity, Exact), ("280万人次", N(2_800_000.0), "人次", Quantity, Exact)]),
    (S001, "湖北发动全省18万个基层党组织全面落实联防联控措施,在方舱医院等抗疫一线建立临时党组织1.9万个,300多万名党员干部冲锋在前",
        &[("18万个", N(180_000.0), "个", Quantity, Exact), ("1.9万个", N(19_000.0), "个", Quantity, Exact),
          ("300多万名", N(3_000_000.0), "名", Quantity, Over)]),
    (S001, "从2014年开始,各级党委(党组)连续7年开展党委(党组)书记抓基层党建工作述职评议考核,传导压力、激发动力,推动落实管党治党、强基固本的政治责任",
        &[("2014年", D("2014"), "", Date, Exact), ("7年", N(7.0), "年", Duration, Exact)]),
    (S001, "这是2021年2月20日在贵州省毕节市黔西县新仁苗族乡拍摄的化屋村麻窝寨易地扶贫搬迁集中安置点",
        &[("2021年2月20日", D("2021-02-20"), "", Date, Exact)]),
    (S001, "(新华社北京5月9日电)", &[("5月9日", D("--05-09"), "", Date, Exact)]),
    (S000, "中组部2019年12月30日出台了《党委(党组)书记抓基层党建工作述职评议考核办法》,对抓基层党建提出规范要求",
        &[("2019年12月30日", D("2019-12-30"), "", Date, Exact)]),
    (S000, "前面3个新设的联合党支部书记签订了党建责任书,明确党建主体责任",
        &[("3个", N(3.0), "个", Quantity, Exact)]),
    (S000, "刚才我们专门听取了机关党委书记刘义平、机关党委副书记和9位支部书记抓基层党建工作述职,还有2位支部书记外出的,进行了书面述职",
        &[("9位", N(9.0), "位", Quantity, Exact), ("2位", N(2.0), "位", Quantity, Exact)]),
    (S002, "刚才,X同志通报指出了5大类13个方面的具体问题",
        &[("5大类", N(5.0), "大类", Quantity, Exact), ("13个", N(13.0), "个", Quantity, Exact)]),
    (S002, "7月份,我要求乡镇党委书记全覆盖式走访老支书、老党员", &[("7月份", D("--07"), "", Date, Exact)]),
    (D007, "城镇新增就业1200万人以上，城镇调查失业率5.5%左右",
        &[("1200万人以上", N(12_000_000.0), "人", Quantity, Over), ("5.5%左右", N(5.5), "%", Percent, About)]),
    (D007, "居民医保人均财政补助标准提高30元", &[("30元", N(30.0), "元", Money, Exact)]),
    (D007, "粮食产量1.39万亿斤，再创历史新高", &[("1.39万亿斤", N(1.39e12), "斤", Quantity, Exact)]),
    (D007, "今年中央预算内投资拟安排7000亿元", &[("7000亿元", N(7e11), "元", Money, Exact)]),
    (D007, "数字经济加快发展，5G用户普及率超过50%", &[("50%", N(50.0), "%", Percent, Over)]),
    (D007, "城镇新增就业1244万人，城镇调查失业率平均为5.2%",
        &[("1244万人", N(12_440_000.0), "人", Quantity, Exact), ("5.2%", N(5.2), "%", Percent, Exact)]),
    (D007, "居民消费价格涨幅3%左右", &[("3%左右", N(3.0), "%", Percent, About)]),
    (D016, "2015年以来，我就打赢脱贫攻坚战召开了7个专题会议",
        &[("2015年", D("2015"), "", Date, Exact), ("7个", N(7.0), "个", Quantity, Exact)]),
    (D009, "城镇新增就业452万人", &[("452万人", N(4_520_000.0), "人", Quantity, Exact)]),
    (D009, "时间：2026-02-02", &[("2026-02-02", D("2026-02-02"), "", Date, Exact)]),
    (D011, "居民人均可支配收入提高到5.4万元、增长4.3%",
        &[("5.4万元", N(54_000.0), "元", Money, Exact), ("4.3%", N(4.3), "%", Percent, Exact)]),
    (D005, "居民消费价格总水平涨幅控制在4.8%左右", &[("4.8%左右", N(4.8), "%", Percent, About)]),
    (D005, "全国财政收入达到5.13万亿元，增长1.71倍",
        &[("5.13万亿元", N(5.13e12), "元", Money, Exact), ("1.71倍", N(1.71), "倍", Quantity, Exact)]),
    (D005, "外汇储备超过1.52万亿美元", &[("1.52万亿美元", N(1.52e12), "美元", Money, Over)]),
    (D006, "在70%左右的地市开展分级诊疗试点", &[("70%左右", N(70.0), "%", Percent, About)]),
    (D006, "非金融类对外直接投资1180亿美元，增长14.7%",
        &[("1180亿美元", N(1.18e11), "美元", Money, Exact), ("14.7%", N(14.7), "%", Percent, Exact)]),
    (D006, "推进健康中国建设，人均预期寿命提高1岁", &[("1岁", N(1.0), "岁", Age, Exact)]),
    (D006, "中央对地方专项转移支付项目减少三分之一",
        &[("三分之一", N(1.0 / 3.0), "", Fraction, Exact)]),
    (D011, "服务贸易总额突破2500亿美元、增长12.5%",
        &[("2500亿美元", N(2.5e11), "美元", Money, Over), ("12.5%", N(12.5), "%", Percent, Exact)]),
    (D011, "人均预期寿命提高到80岁以上", &[("80岁以上", N(80.0), "岁", Age, Over)]),
    (D012, "省内串飞航线增至14条", &[("14条", N(14.0), "条", Quantity, Exact)]),
    (D012, "开展农文商体旅活动2000余场", &[("2000余场", N(2000.0), "场", Quantity, Over)]),
    (D012, "人均预期寿命提高1岁以上", &[("1岁以上", N(1.0), "岁", Age, Over)]),
    (D013, "殡葬基本服务费由平均2900元下降到1000元左右",
        &[("2900元", N(2900.0), "元", Money, Exact), ("1000元左右", N(1000.0), "元", Money, About)]),
    (D013, "新型储能超过760万千瓦，绿氢产能近3万吨",
        &[("760万千瓦", N(7_600_000.0), "千瓦", Quantity, Over), ("3万吨", N(30_000.0), "吨", Quantity, Under)]),
    (D013, "为群众挽回非法集资损失10亿多元", &[("10亿多元", N(1e9), "元", Money, Over)]),
    (D013, "实施重大项目1900多个，完成投资2500亿元以上",
        &[("1900多个", N(1900.0), "个", Quantity, Over), ("2500亿元以上", N(2.5e11), "元", Money, Over)]),
    (D014, "推动既有多层住宅加装电梯3295台", &[("3295台", N(3295.0), "台", Quantity, Exact)]),
    (D002, "一九七六年一月，敬爱的周总理不幸逝世", &[("一九七六年一月", D("1976-01"), "", Date, Exact)]),
    (D002, "我国是一个共有五十多个民族的统一国家", &[("五十多个", N(50.0), "个", Quantity, Over)]),
    (D002, "保证到一九八○年把三分之一的企业建成大庆式企业",
        &[("一九八○年", D("1980"), "", Date, Exact), ("三分之一", N(1.0 / 3.0), "", Fraction, Exact)]),
    (D001, "全國公路的通車里程今年將達十四萬多公里", &[("十四萬多公里", N(140_000.0), "公里", Quantity, Over)]),
    (D001, "這個比重大約是百分之十七", &[("百分之十七", N(17.0), "%", Percent, About)]),
    (D001, "但是一九五三年工業總産值仍然比一九五二年增加了百分之三十三",
        &[("一九五三年", D("1953"), "", Date, Exact), ("一九五二年", D("1952"), "", Date, Exact),
          ("百分之三十三", N(33.0), "%", Percent, Exact)]),
    (D001, "在恢復期間工業總産值平均每年遞增百分之三十六點九",
        &[("百分之三十六點九", N(36.9), "%", Percent, Exact)]),
    (D008, "十亿人口的绝大多数过上了温饱生活", &[("十亿人", N(1e9), "人", Quantity, Exact)]),
    // Arabic digits with 万 or 亿 glued to a noun count it (not a code such as 12345热线)
    (D015, "目前，贫困人口超过200万的有7个省区，贫困发生率超过18%的贫困县有111个、超过20%的贫困村有1.67万个。",
        &[("200万", N(2e6), "", Quantity, Over), ("7个", N(7.0), "个", Quantity, Exact),
          ("18%", N(18.0), "%", Percent, Over), ("111个", N(111.0), "个", Quantity, Exact),
          ("20%", N(20.0), "%", Percent, Over), ("1.67万个", N(16_700.0), "个", Quantity, Exact)]),
    (D015, "到2017年底全国已有4.62万家民营企业帮扶5.12万个村，投资527亿元实施产业扶贫项目，捐资109亿元开展公益帮扶，带动和惠及620多万建档立卡贫困人口。",
        &[("2017年底", D("2017"), "", Date, Exact), ("4.62万家", N(46_200.0), "家", Quantity, Exact),
          ("5.12万个", N(51_200.0), "个", Quantity, Exact), ("527亿元", N(5.27e10), "元", Money, Exact),
          ("109亿元", N(1.09e10), "元", Money, Exact), ("620多万", N(6.2e6), "", Quantity, Over)]),
    (D016, "据国务院扶贫办统计，2019年全国有2729万建档立卡贫困劳动力在外务工，这些家庭三分之二左右的收入来自外出务工，涉及三分之二左右建档立卡贫困人口。",
        &[("2019年", D("2019"), "", Date, Exact), ("2729万", N(2.729e7), "", Quantity, Exact),
          ("三分之二左右", N(2.0 / 3.0), "", Fraction, About), ("三分之二左右", N(2.0 / 3.0), "", Fraction, About)]),
    (D016, "据各地初步摸底，已脱贫人口中有近200万人存在返贫风险，边缘人口中还有近300万存在致贫风险。",
        &[("200万人", N(2e6), "人", Quantity, Under), ("300万", N(3e6), "", Quantity, Under)]),
    // a year in the name of an agenda is part of the name; 提前10年 measures
    (D016, "今年脱贫攻坚任务完成后，我国将有1亿左右贫困人口实现脱贫，提前10年实现联合国2030年可持续发展议程的减贫目标，世界上没有哪一个国家能在这么短的时间内帮助这么多人脱贫，这对中国和世界都具有重大意义。",
        &[("1亿左右", N(1e8), "", Quantity, About), ("10年", N(10.0), "年", Duration, Exact)]),
    // measure words: 分 (a score), 对, 盏, 字, 期 (a count of sessions), 近千人
    (S004, "从这次考核打分就看出来了,整个市委综合考评,党建工作实打实的占20分,哪项考核能有20分呢,所以对党建工作,市委的认识,从分数上还是很有分量的。",
        &[("20分", N(20.0), "分", Quantity, Exact), ("20分", N(20.0), "分", Quantity, Exact)]),
    (W05, "深化“师带徒”结对帮带，全年结成师徒28对。", &[("28对", N(28.0), "对", Quantity, Exact)]),
    (W06, "争取项目资金85万元，硬化通组道路3.2公里，新装路灯46盏。",
        &[("85万元", N(850_000.0), "元", Money, Exact), ("3.2公里", N(3.2), "公里", Quantity, Exact),
          ("46盏", N(46.0), "盏", Quantity, Exact)]),
    (W03, "坚持每周政治学习制度，全年参加集中学习xx次，撰写学习笔记2万余字。",
        &[("2万余字", N(20_000.0), "字", Quantity, Over)]),
    (S004, "组织116名党务干部分两期赴延安、井冈山进行党建业务和党性教育培训,机关工委为此花了60多万,这在机关工委历史上是没有过的,党务干部的整体素质得到全面提高,今年还可以继续总结经验,有针对性的进行培训教育,但一定要追求实效。",
        &[("116名", N(116.0), "名", Quantity, Exact), ("两期", N(2.0), "期", Quantity, Exact),
          ("60多万", N(600_000.0), "", Quantity, Over)]),
    (S004, "去年,举办4期市直机关大讲堂,邀请专家学者举办专题讲座,受众近千人;",
        &[("4期", N(4.0), "期", Quantity, Exact), ("千人", N(1000.0), "人", Quantity, Under)]),
    (D001, "今年長江流域和淮河流域的洪水是近百年少有的，比國民黨統治時期的一九三一年大得多，但是人民的受害却少得多。",
        &[("百年", N(100.0), "年", Duration, Under), ("一九三一年", D("1931"), "", Date, Exact)]),
    // decades: 80年代 is 1980, 十九世纪四十年代 1840
    (D002, "早在一九六三年，毛主席就尖锐地指出：“我国从十九世纪四十年代起，到二十世纪四十年代中期，共计一百零五年时间，全世界几乎一切大中小帝国主义国家都侵略过我国，都打过我们，除了最后一次，即抗日战争，由于国内外各种原因以日本帝国主义投降告终以外，没有一次战争不是以我国失败、签订丧权辱国条约而告终。",
        &[("一九六三年", D("1963"), "", Date, Exact), ("四十年代", D("1840"), "", Date, About),
          ("四十年代", D("1940"), "", Date, About), ("一百零五年", N(105.0), "年", Duration, Exact)]),
    (D008, "工业主要领域在技术方面大体接近经济发达国家七十年代或八十年代初的水平，农业和其它产业部门的技术水平也将有较大提高。",
        &[("七十年代", D("1970"), "", Date, About), ("八十年代", D("1980"), "", Date, About)]),
    // 一 counts when it clearly measures: 一天内, 才一年, 每季度…一次, 只报一次
    (D015, "一位县委书记反映，曾在一天内接待了国家、省里、部门、市里的4个检查组和调研组，应接不暇。",
        &[("一天", N(1.0), "天", Duration, Exact), ("4个", N(4.0), "个", Quantity, Exact)]),
    (D015, "有的层层分解年度脱贫指标，年终脱贫销号是“矮人堆里选高个”，一些贫困户戴上贫困帽才一年就被要求摘帽了，搞“指标式”脱贫。",
        &[("一年", N(1.0), "年", Duration, Exact)]),
    (W01, "村级财务每季度公开一次，年底前实现村级财务审计全覆盖。", &[("一次", N(1.0), "次", Quantity, Exact)]),
    (W07, "由办公室牵头建立基层报表统一归口管理制度，同类材料只报一次；", &[("一次", N(1.0), "次", Quantity, Exact)]),
    (W07, "今年局机关组织的各类督查检查中，有3次要求基层所重复报送同类材料，基层所反映负担较重；",
        &[("3次", N(3.0), "次", Quantity, Exact)]),
    // a date range is one figure, valued at its start
    // a range of years is one date, valued at its start; a Chinese number of 万
    // or 亿 counts the noun after it
    (E1985, "随着生产建设的持续增长，通过各种渠道，从１９７９年到１９８４年安排了四千二百多万城镇劳动力就业，职工和农民的收入继续增加。",
        &[("１９７９年到１９８４年", D("1979"), "", Date, Exact), ("四千二百多万", N(4.2e7), "", Quantity, Over)]),
    (D008, "农村中乡镇企业异军突起，有八千万农民转入或部分转入了非农产业。",
        &[("八千万", N(8e7), "", Quantity, Exact)]),
    // the parts of a ratio; a ratio to one is one figure
    (D011, "三次产业比重为4.0∶37.7∶58.3，第一产业增加值提升至全国第二，先进制造业、高技术制造业增加值占规模以上工业增加值比重分别达56.2%、34.7%，现代服务业增加值占服务业增加值比重达64.9%，数字经济规模稳居全国首位。",
        &[("4.0", N(4.0), "", Quantity, Exact), ("37.7", N(37.7), "", Quantity, Exact),
          ("58.3", N(58.3), "", Quantity, Exact), ("56.2%", N(56.2), "%", Percent, Exact),
          ("34.7%", N(34.7), "%", Percent, Exact), ("64.9%", N(64.9), "%", Percent, Exact)]),
    (D011, "“百千万工程”有效激发县镇村发展活力，全省常住人口城镇化率提高到76.58%、居各省区首位，城乡居民收入比从2.50:1缩小至2.27:1。",
        &[("76.58%", N(76.58), "%", Percent, Exact), ("2.50:1", N(2.5), "", Quantity, Exact),
          ("2.27:1", N(2.27), "", Quantity, Exact)]),
    // tenths (成) are a share; 两届 counts editions
    (D011, "实施“民生十大工程”，民生类支出占一般公共预算支出7成以上，居民人均可支配收入五年增长30.8%。",
        &[("7成以上", N(70.0), "成", Percent, Over), ("五年", N(5.0), "年", Duration, Exact),
          ("30.8%", N(30.8), "%", Percent, Exact)]),
    (D011, "两届广交会吸引境外采购商人数再创新高，广东团现场成交额均超百亿美元。",
        &[("两届", N(2.0), "届", Quantity, Exact), ("百亿美元", N(1e10), "美元", Money, Over)]),
    // 五年累计: the period a total is summed over is a time frame, like 五年来
    (D005, "大幅度增加对农业农村投入，中央财政用于“三农”的支出五年累计1.6万亿元，其中用于农村基础设施建设近3000亿元，地方也较多增加了投入。",
        &[("1.6万亿元", N(1.6e12), "元", Money, Exact), ("3000亿元", N(3e11), "元", Money, Under)]),
    // a range of percentages is one figure
    (D011, "是：地区生产总值增长4.5%—5%，在实际工作中全力争取更好结果；",
        &[("4.5%—5%", N(4.5), "%", Percent, About)]),
    // 2035年远景目标 is part of a plan's name
    (E043, "两周前，中共十九届五中全会审议通过了关于制定国民经济和社会发展第十四个五年规划和2035年远景目标的建议，规划了中国未来发展。",
        &[("两周", N(2.0), "周", Duration, Exact)]),
    // half a unit of time; a century; the number of doublings
    (D003, "其余部委的内部调整和人员精简，要求在半年内完成。", &[("半年", N(0.5), "年", Duration, Exact)]),
    (ECPC14, "我们党举起了一面引导全国各族人民迈向二十一世纪的伟大旗帜。",
        &[("二十一世纪", D("2001"), "", Date, About)]),
    (E1987, "我们已经确定的到本世纪末工农业年总产值翻两番的目标，是以提高经济效益为前提和以推进科学技术进步为依靠的，是切合实际和完全可以达到的。",
        &[("两番", N(2.0), "番", Quantity, Exact)]),
    (D015, "2019年4月15日至17日，中共中央总书记、国家主席、中央军委主席习近平在重庆考察，并主持召开解决“两不愁三保障”突出问题座谈会。",
        &[("2019年4月15日至17日", D("2019-04-15"), "", Date, Exact)]),
    // 每1户 is the unit of a rate; 第一个十年 names a period
    (D015, "有个地方的精准扶贫档案资料包括贫困户入户资料、贫困户档案、村级档案、乡级资料4个部分，每1户要填写10份表格，村级档案有4类21种，乡级资料有4类25种，真可谓眼花缭乱！",
        &[("4个", N(4.0), "个", Quantity, Exact), ("10份", N(10.0), "份", Quantity, Exact),
          ("4类", N(4.0), "类", Quantity, Exact), ("21种", N(21.0), "种", Quantity, Exact),
          ("4类", N(4.0), "类", Quantity, Exact), ("25种", N(25.0), "种", Quantity, Exact)]),
    (D015, "年均脱贫人数1370万人，是1994年至2000年“八七扶贫攻坚计划”实施期间年均脱贫人数639万的2.14倍，是2001年至2010年第一个十年扶贫纲要实施期间年均脱贫人数673万的2.04倍，也打破了以往新标准实施后脱贫人数逐年递减的格局。",
        &[("1370万人", N(1.37e7), "人", Quantity, Exact), ("1994年至2000年", D("1994"), "", Date, Exact),
          ("639万", N(6.39e6), "", Quantity, Exact),
          ("2.14倍", N(2.14), "倍", Quantity, Exact), ("2001年至2010年", D("2001"), "", Date, Exact),
          ("673万", N(6.73e6), "", Quantity, Exact),
          ("2.04倍", N(2.04), "倍", Quantity, Exact)]),
    // formula counts (三个结合, 这两个核心) are not quantities; the year is a date
    (S004, "三个结合:一是与贯彻十八届三中、四中全会精神相结合,也就是紧扣改革和法治这两个核心,这样才能确保大方向正确,才能确保2017年工作谋划的正确;",
        &[("2017年", D("2017"), "", Date, Exact)]),
    // the speaker's own points (我列举了四类问题) are not counted
    (S004, "所以下一步我们要集中精力把这些问题解决好,我列举了四类问题,不一定全,我们80多家党的直属基层组织,要对号入座,有的单位还有个性的问题,都要本着这个精神抓好。",
        &[("80多家", N(80.0), "家", Quantity, Over)]),
    // 规章45件: a count of rules, not the label 章 + 45
    (D010, "持续深化法治政府建设，自觉接受各方面监督，提请自治区人大常委会审议法规议案31件，修订、制定政府规章45件，办理人大代表建议1293件、政协委员提案1584件。",
        &[("31件", N(31.0), "件", Quantity, Exact), ("45件", N(45.0), "件", Quantity, Exact),
          ("1293件", N(1293.0), "件", Quantity, Exact), ("1584件", N(1584.0), "件", Quantity, Exact)]),
    // 每…一次 counts a frequency; 学时 is a measure word
    (W19, "实施村级后备力量“墩苗”工程，2026年底前每个村至少储备2名35岁以下后备人选，县委组织部每半年通报一次进展。",
        &[("2026年底", D("2026"), "", Date, Exact), ("2名", N(2.0), "名", Quantity, Exact),
          ("35岁以下", N(35.0), "岁", Age, Under), ("一次", N(1.0), "次", Quantity, Exact)]),
    (W20, "坚持把学习摆在首位，认真参加支部“三会一课”和镇机关每周一次的集中学习，系统学习党的二十届三中全会精神和习近平总书记关于“三农”工作的重要论述，全年撰写学习笔记3万余字、心得体会6篇。",
        &[("一次", N(1.0), "次", Quantity, Exact), ("3万余字", N(30_000.0), "字", Quantity, Over),
          ("6篇", N(6.0), "篇", Quantity, Exact)]),
    (W20, "利用晚上和周末时间自学《乡村振兴促进法》等法律法规和农业实用技术，全年完成线上农技培训课程18学时。",
        &[("18学时", N(18.0), "学时", Quantity, Exact)]),
    // a frame (近五年) measures nothing; the shares do
    (D012, "城乡低保标准分别增长9.9%、13.2%，困难残疾人生活补贴标准提高25%，增幅均为近五年最高。",
        &[("9.9%", N(9.9), "%", Percent, Exact), ("13.2%", N(13.2), "%", Percent, Exact),
          ("25%", N(25.0), "%", Percent, Exact)]),
];

/// Sentences with numbers and no real figure at all; the second field lists the
/// non-figure kinds (ordinal or slogan) that must be reported, in order.
/// A non-figure that must be reported: its text and kind.
type Marked = (&'static str, FigureKind);

const NEGATIVES: &[(&str, &str, &[Marked])] = &[
    (S001, "通过述职评议考核,推动基层党组织和广大党员增强“四个意识”、坚定“四个自信”、做到“两个维护”,不断增强党的政治领导力、思想引领力、群众组织力、社会号召力",
        &[("四个意识", FigureKind::Slogan), ("四个自信", FigureKind::Slogan), ("两个维护", FigureKind::Slogan)]),
    (S003, "严格落实“三会一课”、主题党日、组织生活会、民主评议党员、党性分析等基本制度，把支部教育党员、管理党员、监督党员和组织群众、宣传群众、凝聚群众、服务群众的职责落到实处",
        &[("三会一课", FigureKind::Slogan)]),
    (S004, "党的十九大报告指出,党的干部是党和国家事业的中坚力量,强调要注重培养专业能力、专业精神,增强干部队伍适应新时代中国特色社会主义发展要求的能力",
        &[("十九大", FigureKind::Slogan)]),
    (D009, "一、“十四五”时期经济社会发展回顾",
        &[("一、", FigureKind::Ordinal), ("十四五", FigureKind::Slogan)]),
    (S000, "好的方面:一是思想上能高度重视,准备工作扎实,每位同志都有书面述职报告",
        &[("一是", FigureKind::Ordinal)]),
    (EHENAN, "今年是“十五五”开局之年，做好政府工作要以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届历次全会、中央经济工作会议精神，深入学习贯彻习近平总书记在河南考察时重要讲话精神和关于河南工作的重要论述，落实省委十一届九次、十次全会和省委经济工作会议部署，聚焦“1+2+4+N”目标任务体系，完整准确全面贯彻新发展理念，融入和服务加快构建新发展格局，着力推动高质量发展，坚持稳中求进工作总基调，更好统筹发展和安全，落实更加积极有为的宏观政策，增强政策前瞻性针对性协同性，持续扩大内需、优化供给，做优增量、盘活存量，因地制宜发展新质生产力，深度融入和服务全国统一大市场建设，持续防范化解重点领域风险，着力稳就业、稳企业、稳市场、稳预期，加力增优势、增动能、增活力、增效益，推动经济实现质的有效提升和量的合理增长，保持社会和谐稳定，实现“十五五”良好开局，奋力谱写中原大地推进中国式现代化新篇章。",
        &[("十五五", FigureKind::Slogan), ("二十大", FigureKind::Slogan), ("二十届", FigureKind::Slogan),
          ("十一届", FigureKind::Slogan), ("九次", FigureKind::Slogan), ("十次全会", FigureKind::Slogan),
          ("1+2+4+N", FigureKind::Slogan), ("十五五", FigureKind::Slogan)]),
    // a count that sums up the items just listed names them
    (D005, "全力支持香港、澳门两个特别行政区政府依法施政；", &[("两个", FigureKind::Slogan)]),
    (D003, "大力加强基础教育，因地制宜地实施九年义务教育，是提高教育水平和全民族素质的基础，应当成为教育工作的重点。",
        &[("九年义务教育", FigureKind::Slogan)]),
    (S003, "（一）切实抓好政治建设", &[("（一）", FigureKind::Ordinal)]),
    (S000, "(二)基层党建工作的不足", &[("(二)", FigureKind::Ordinal)]),
    (S000, "二、市总强党建的成绩以及不足", &[("二、", FigureKind::Ordinal)]),
    (S004, "请大家认真领会,抓好贯彻落实。下面,我讲几点意见。", &[]),
    (S004, "我觉得,突出表现在四个方面:一是公路安全宣传气氛浓厚", &[("一是", FigureKind::Ordinal)]),
    (S004, "这里,我再强调两个具体问题", &[]),
    (S000, "等一下,大家还要对他们的履职情况进行评议,这既是对各位基层党组织书记一年来抓党建工作的全面“体检”,又是落实从严管党治党的再动员、再部署,是一次严肃认真的党内政治生活", &[]),
    (S004, "那么,面对新的形势和要求如何开展工作,就是要贯彻落实好十八届四中全会的主题,用法治思维和法治方式干好工作",
        &[("十八届", FigureKind::Slogan), ("四中全会", FigureKind::Slogan)]),
    (S004, "党的十九大对加强基层组织建设做出了安排部署,市委十三届三次全会也对如何抓好今年基层党建工作提出了具体要求",
        &[("十九大", FigureKind::Slogan), ("十三届", FigureKind::Slogan), ("三次全会", FigureKind::Slogan)]),
    (S003, "二是市委X届X次全会提出了建设社会主义现代化强市的目标，任务很重，涉及到方方面面，机关党建要精准发力、主动作为",
        &[("二是", FigureKind::Ordinal)]),
    (S001, "贵州、甘肃、青海、宁夏等地持续选派第一书记和驻村干部,充分发挥基层党组织和党员作用,帮助贫困人口如期脱贫",
        &[("第一书记", FigureKind::Slogan)]),
    (D002, "二、把揭批“四人帮”的斗争进行到底",
        &[("二、", FigureKind::Ordinal), ("四人帮", FigureKind::Slogan)]),
    (S003, "用好“四种形态”特别是第一种形态，抓苗头抓细节，出现问题要严肃追责，既要追究个人责任，又要追究相关领导责任，形成有力震慑",
        &[("四种形态", FigureKind::Slogan), ("第一种", FigureKind::Ordinal)]),
    (S003, "开展“不忘初心、牢记使命”主题教育，这是中央继“三严三实”专题教育、“两学一做”学习教育之后，深化党内教育的又一次重要实践",
        &[("三严三实", FigureKind::Slogan), ("两学一做", FigureKind::Slogan)]),
    (S004, "十八大之后,中央制定出台八项规定,禁止新建楼堂馆所、奢侈浪费,清理规范办公用房、公务用车,教育实践活动狠刹",
        &[("十八大", FigureKind::Slogan), ("八项规定", FigureKind::Slogan)]),
    (D016, "要巩固“两不愁三保障”成果，防止反弹", &[("两不愁三保障", FigureKind::Slogan)]),
    // periods used as frames: N年来, 过去五年, 这五年, 未来五年, 今后五年, 关键五年
    (D002, "一、三年来的斗争和新时期的总任务", &[("一、", FigureKind::Ordinal)]),
    (D003, "五年来，在改革开放的推动下，我国国民经济持续发展，总的形势是很好的", &[]),
    (D009, "这五年，高质量发展扎实推进，经济实力跃上新台阶。", &[]),
    (D009, "过去五年，是极不寻常、极不平凡的五年。", &[]),
    (D009, "未来五年是河北发展战略叠加和优势聚合的机遇期，是动能转换与结构升级的蝶变期，是多点突破到整体跃升的关键期。", &[]),
    (D009, "“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期，也是河北高质量发展的关键五年。",
        &[("十五五", FigureKind::Slogan)]),
    (D013, "今后五年，政府将着力推进十个方面重点任务。", &[]),
    (D018, "从石库门到天安门，从兴业路到复兴路，我们党近百年来所付出的一切努力、进行的一切斗争、作出的一切牺牲，都是为了人民幸福和民族复兴。", &[]),
    // placeholders are template residue, with the month of a placeholder year
    (W03, "20__年12月", &[]),
    (W03, "20__年，在县教育局党组的正确领导下，我认真学习贯彻党的二十大精神，紧紧围绕学校中心工作，履职尽责，廉洁自律，较好地完成了各项工作任务。",
        &[("二十大", FigureKind::Slogan)]),
    // a year in the name of a document or report
    (D009, "2026年河北省政府工作报告", &[("2026年", FigureKind::Slogan)]),
    (D009, "三、2026年主要工作", &[("三、", FigureKind::Ordinal), ("2026年", FigureKind::Slogan)]),
    // 15分钟社区生活圈 names a zone
    (D014, "推进完整社区建设，提升15分钟社区生活圈功能。", &[("15分钟", FigureKind::Slogan)]),
    (S004, "今天召开这次全州公路系统安全生产工作会议,开得很好,马俊同志作了一个很好的工作报告,会议还专门下发了2017年度公路安全生产工作要点,对今年的公路安全工作进行了具体安排部署,我都赞成。",
        &[("2017年度", FigureKind::Slogan)]),
    // the speaker's own points, idioms, formula counts
    (D015, "下面，我讲点意见，讲3个问题。", &[]),
    (D018, "有的想起来就学一学，三天打鱼、两天晒网；", &[]),
    (D018, "当今世界正经历百年未有之大变局，我国正处于实现中华民族伟大复兴关键时期，我们党正带领人民进行具有许多新的历史特点的伟大斗争，形势环境变化之快、改革发展稳定任务之重、矛盾风险挑战之多、对我们党治国理政考验之大前所未有。",
        &[("百年未有之大变局", FigureKind::Slogan)]),
    (D015, "通过生态扶贫、易地扶贫搬迁、退耕还林等，贫困地区生态环境明显改善，实现了生态保护和扶贫脱贫一个战场、两场战役的双赢。",
        &[("一个战场", FigureKind::Slogan), ("两场战役", FigureKind::Slogan)]),
    (S004, "严格党的组织生活制度是一项系统工程,机关党组织必须坚持“三会一课”制度、民主生活会和组织生活会制度、谈心谈话制度、民主评议党员制度、请示报告制度、党员主题日制度这六项基本制度,增强党的组织生活的政治性、原则性和战斗性,实现党内组织生活规范化、常态化,让组织生活真正严起来、活起来、管用起来。",
        &[("三会一课", FigureKind::Slogan), ("六项", FigureKind::Slogan)]),
    (S004, "在发展目标上,我们提出建设“开放、富裕、美丽、和谐、幸福”五个秦都的总目标,让“五位一体”总布局在秦都落地生根;",
        &[("五个", FigureKind::Slogan), ("五位一体", FigureKind::Slogan)]),
    (S002, "坚持严管与厚爱相结合,把从严治党的各项要求贯彻落实到基层组织建设全过程,抓好中央“八项规定”精神、省委六条意见和市委改进作风六项规定的落实,坚持融入日常、抓在经常、落到平常,勤督查、重考核、严问责,确保事事有人抓、有人管、能落实,以严实作风保证我市“整县推进”工作走在全省前列。",
        &[("八项规定", FigureKind::Slogan), ("六条", FigureKind::Slogan), ("六项", FigureKind::Slogan)]),
    (W04, "严格执行医疗机构工作人员廉洁从业九项准则，把医德医风考评结果与职称晋升、评先评优挂钩。",
        &[("九项", FigureKind::Slogan)]),
];

/// Short hand-made negatives from the annotation guide: no real figure.
const GUIDE_NEGATIVES: &[&str] = &[
    "四个意识",
    "三会一课",
    "十九大",
    "十四五",
    "一是",
    "第三",
    "（一）",
    "讲三点意见",
    "一年来",
    "XX个",
    "x次",
    "××名",
    "从四个方面谈",
    "以下几点",
    "多年来",
    "近年来",
    "一段时间以来",
    "千方百计",
    "一心一意",
    "一如既往",
    "一系列",
    "一批",
    "一些",
    "一方面",
    "统一",
    "唯一",
    "第一时间",
    "一线",
    "进一步",
    "一起",
    "一致",
    "一定",
    "一样",
    "一律",
    "一手抓",
    "一把手",
    "一体化",
    "一带一路",
    "同一",
    "之一",
    "两岸",
    "两会",
    "两委",
    "十分重要",
    "千万不能",
    "老百姓",
    "千家万户",
    "亿万人民",
    "三农",
    "双一流",
    "八项规定",
    "四风",
    "六有",
    "五个要素",
    "四全",
    "两个确立",
    "三个代表",
    "五位一体",
    "四个全面",
    "省第十二次党代会",
    "二十届三中全会",
    "十四五规划",
    "市委十三届三次全会",
    "篇2",
    "五年来",
    "40年来",
    "十年来",
    "过去五年",
    "回顾过去的五年",
    "这五年",
    "未来五年",
    "今后五年",
    "近五年",
    "20__年",
    "20××年",
    "xx年",
    "20XX年12月",
    "讲三个问题",
    "讲3个问题",
    "提3点要求",
    "我列举了四类问题",
    "这两个核心",
    "三天打鱼、两天晒网",
    "十四条基本方略",
    "突出抓好三件事：一是大力发展现代农业",
    "今年要采取四项措施：一要健全制度",
    "我们要集中力量办两件大事：一是在经济上",
    "是要着重抓好以下的十项工作。",
];

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn real_sentences_figures() {
    assert!(CASES.len() >= 60, "at least 60 real sentences");
    let mut failures = Vec::new();
    for &(file, text, expected) in CASES {
        let got: Vec<_> = extract_figures(text)
            .into_iter()
            .filter(|f| f.kind.is_figure())
            .collect();
        let ok = got.len() == expected.len()
            && got.iter().zip(expected).all(|(f, &(t, v, u, k, a))| {
                let value_ok = match (v, &f.value) {
                    (N(x), FigureValue::Number(y)) => same(*y, x),
                    (D(x), FigureValue::Date(y)) => y == x,
                    _ => false,
                };
                f.text == t && value_ok && f.unit == u && f.kind == k && f.approx == a
            });
        if !ok {
            failures.push(format!(
                "{file}: {text}\n  want {expected:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} sentences wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn real_sentences_non_figures() {
    let mut failures = Vec::new();
    for &(file, text, expected) in NEGATIVES {
        let figures = extract_figures(text);
        let real: Vec<_> = figures.iter().filter(|f| f.kind.is_figure()).collect();
        let marked: Vec<(&str, FigureKind)> = figures
            .iter()
            .filter(|f| !f.kind.is_figure())
            .map(|f| (f.text.as_str(), f.kind))
            .collect();
        if !real.is_empty() || marked != expected {
            failures.push(format!(
                "{file}: {text}\n  want {expected:?}\n  got  {figures:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn guide_negatives_are_not_quantities() {
    for &text in GUIDE_NEGATIVES {
        let figures = extract_figures(text);
        assert!(
            figures.iter().all(|f| !f.kind.is_figure()),
            "{text}: {figures:?}"
        );
    }
}

#[test]
fn sentences_occur_in_their_files() {
    for &(file, text, _) in CASES {
        check_occurs(file, text);
    }
    for &(file, text, _) in NEGATIVES {
        check_occurs(file, text);
    }
}

fn check_occurs(file: &str, text: &str) {
    let path = manifest().join(file);
    let Ok(bytes) = std::fs::read(&path) else {
        panic!("{}: missing", path.display());
    };
    let content = String::from_utf8_lossy(&bytes);
    assert!(content.contains(text), "{file} does not contain {text:?}");
}

#[test]
fn spans_point_into_the_text() {
    for &(_, text, _) in CASES {
        for f in extract_figures(text) {
            assert_eq!(&text[f.span[0]..f.span[1]], f.text);
            let chars: String = text
                .chars()
                .skip(f.char_span[0])
                .take(f.char_span[1] - f.char_span[0])
                .collect();
            assert_eq!(chars, f.text);
        }
    }
}
