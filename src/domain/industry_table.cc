// GB/T 4754-2017 (国民经济行业分类) tables for industry (sections B, C, D: divisions 06–46).
//
// Division names: the official Chinese names of the standard; English names as the National
// Bureau of Statistics translates them in the China Statistical Yearbook (industrial tables).
//
// Classes (小类): transcribed from a public MySQL dump of the full GB/T 4754-2017 tree found with
// the code search tool (file "newoa" Navicat dump, table `industry` (id, IndustryCode,
// IndustryName, IndustryState, ParentID), rows 101–943; its repository was not shown by the
// tool). Checks made while transcribing: the dump's row ids are contiguous over divisions 06–46
// and every division's row count (division + groups + classes) matches its id range; the class
// names carry the 2017 revisions (e.g. 3425 机床功能部件及附件制造, 3962 智能车载设备制造,
// 4090 其他仪器仪表制造业). Counts: 39 classes in mining (06–12), 609 in manufacturing (13–43),
// 18 in utilities (44–46), 666 in all (of the standard's 1,380 classes across all sections).
#include "domain/industry_table.h"

#include <array>

namespace zhizao::detail {
namespace {

constexpr std::array<Division, 41> kDivisions = {{
    {"06", "煤炭开采和洗选业", "Mining and Washing of Coal", Section::kMining},
    {"07", "石油和天然气开采业", "Extraction of Petroleum and Natural Gas", Section::kMining},
    {"08", "黑色金属矿采选业", "Mining and Processing of Ferrous Metal Ores", Section::kMining},
    {"09", "有色金属矿采选业", "Mining and Processing of Non-ferrous Metal Ores", Section::kMining},
    {"10", "非金属矿采选业", "Mining and Processing of Nonmetal Ores", Section::kMining},
    {"11", "开采专业及辅助性活动", "Professional and Support Activities for Mining",
     Section::kMining},
    {"12", "其他采矿业", "Mining of Other Ores", Section::kMining},
    {"13", "农副食品加工业", "Processing of Food from Agricultural Products",
     Section::kManufacturing},
    {"14", "食品制造业", "Manufacture of Foods", Section::kManufacturing},
    {"15", "酒、饮料和精制茶制造业", "Manufacture of Liquor, Beverages and Refined Tea",
     Section::kManufacturing},
    {"16", "烟草制品业", "Manufacture of Tobacco", Section::kManufacturing},
    {"17", "纺织业", "Manufacture of Textile", Section::kManufacturing},
    {"18", "纺织服装、服饰业", "Manufacture of Textile, Wearing Apparel and Accessories",
     Section::kManufacturing},
    {"19", "皮革、毛皮、羽毛及其制品和制鞋业",
     "Manufacture of Leather, Fur, Feather and Related Products and Footwear",
     Section::kManufacturing},
    {"20", "木材加工和木、竹、藤、棕、草制品业",
     "Processing of Timber, Manufacture of Wood, Bamboo, Rattan, Palm and Straw Products",
     Section::kManufacturing},
    {"21", "家具制造业", "Manufacture of Furniture", Section::kManufacturing},
    {"22", "造纸和纸制品业", "Manufacture of Paper and Paper Products", Section::kManufacturing},
    {"23", "印刷和记录媒介复制业", "Printing and Reproduction of Recording Media",
     Section::kManufacturing},
    {"24", "文教、工美、体育和娱乐用品制造业",
     "Manufacture of Articles for Culture, Education, Arts and Crafts, Sport and Entertainment "
     "Activities",
     Section::kManufacturing},
    {"25", "石油、煤炭及其他燃料加工业", "Processing of Petroleum, Coal and Other Fuels",
     Section::kManufacturing},
    {"26", "化学原料和化学制品制造业",
     "Manufacture of Raw Chemical Materials and Chemical Products", Section::kManufacturing},
    {"27", "医药制造业", "Manufacture of Medicines", Section::kManufacturing},
    {"28", "化学纤维制造业", "Manufacture of Chemical Fibers", Section::kManufacturing},
    {"29", "橡胶和塑料制品业", "Manufacture of Rubber and Plastics Products",
     Section::kManufacturing},
    {"30", "非金属矿物制品业", "Manufacture of Non-metallic Mineral Products",
     Section::kManufacturing},
    {"31", "黑色金属冶炼和压延加工业", "Smelting and Pressing of Ferrous Metals",
     Section::kManufacturing},
    {"32", "有色金属冶炼和压延加工业", "Smelting and Pressing of Non-ferrous Metals",
     Section::kManufacturing},
    {"33", "金属制品业", "Manufacture of Metal Products", Section::kManufacturing},
    {"34", "通用设备制造业", "Manufacture of General Purpose Machinery", Section::kManufacturing},
    {"35", "专用设备制造业", "Manufacture of Special Purpose Machinery", Section::kManufacturing},
    {"36", "汽车制造业", "Manufacture of Automobiles", Section::kManufacturing},
    {"37", "铁路、船舶、航空航天和其他运输设备制造业",
     "Manufacture of Railway, Ship, Aerospace and Other Transport Equipment",
     Section::kManufacturing},
    {"38", "电气机械和器材制造业", "Manufacture of Electrical Machinery and Apparatus",
     Section::kManufacturing},
    {"39", "计算机、通信和其他电子设备制造业",
     "Manufacture of Computers, Communication and Other Electronic Equipment",
     Section::kManufacturing},
    {"40", "仪器仪表制造业", "Manufacture of Measuring Instruments and Machinery",
     Section::kManufacturing},
    {"41", "其他制造业", "Other Manufacture", Section::kManufacturing},
    {"42", "废弃资源综合利用业", "Utilization of Waste Resources", Section::kManufacturing},
    {"43", "金属制品、机械和设备修理业",
     "Repair Service of Metal Products, Machinery and Equipment", Section::kManufacturing},
    {"44", "电力、热力生产和供应业", "Production and Supply of Electric Power and Heat Power",
     Section::kUtilities},
    {"45", "燃气生产和供应业", "Production and Supply of Gas", Section::kUtilities},
    {"46", "水的生产和供应业", "Production and Supply of Water", Section::kUtilities},
}};

// clang-format off
constexpr std::array<std::string_view, 666> kClasses = {
    // 06: 3 classes
        "0610", "0620", "0690",
    // 07: 4 classes
        "0711", "0712", "0721", "0722",
    // 08: 3 classes
        "0810", "0820", "0890",
    // 09: 15 classes
        "0911", "0912", "0913", "0914", "0915", "0916", "0917", "0919", "0921", "0922", "0929",
        "0931", "0932", "0933", "0939",
    // 10: 10 classes
        "1011", "1012", "1013", "1019", "1020", "1030", "1091", "1092", "1093", "1099",
    // 11: 3 classes
        "1110", "1120", "1190",
    // 12: 1 classes
        "1200",
    // 13: 24 classes
        "1311", "1312", "1313", "1314", "1319", "1321", "1329", "1331", "1332", "1340", "1351",
        "1352", "1353", "1361", "1362", "1363", "1369", "1371", "1372", "1373", "1391", "1392",
        "1393", "1399",
    // 14: 24 classes
        "1411", "1419", "1421", "1422", "1431", "1432", "1433", "1439", "1441", "1442", "1449",
        "1451", "1452", "1453", "1459", "1461", "1462", "1469", "1491", "1492", "1493", "1494",
        "1495", "1499",
    // 15: 13 classes
        "1511", "1512", "1513", "1514", "1515", "1519", "1521", "1522", "1523", "1524", "1525",
        "1529", "1530",
    // 16: 3 classes
        "1610", "1620", "1690",
    // 17: 26 classes
        "1711", "1712", "1713", "1721", "1722", "1723", "1731", "1732", "1733", "1741", "1742",
        "1743", "1751", "1752", "1761", "1762", "1763", "1771", "1772", "1773", "1779", "1781",
        "1782", "1783", "1784", "1789",
    // 18: 5 classes
        "1811", "1819", "1821", "1829", "1830",
    // 19: 15 classes
        "1910", "1921", "1922", "1923", "1929", "1931", "1932", "1939", "1941", "1942", "1951",
        "1952", "1953", "1954", "1959",
    // 20: 18 classes
        "2011", "2012", "2013", "2019", "2021", "2022", "2023", "2029", "2031", "2032", "2033",
        "2034", "2035", "2039", "2041", "2042", "2043", "2049",
    // 21: 5 classes
        "2110", "2120", "2130", "2140", "2190",
    // 22: 7 classes
        "2211", "2212", "2221", "2222", "2223", "2231", "2239",
    // 23: 5 classes
        "2311", "2312", "2319", "2320", "2330",
    // 24: 33 classes
        "2411", "2412", "2413", "2414", "2419", "2421", "2422", "2423", "2429", "2431", "2432",
        "2433", "2434", "2435", "2436", "2437", "2438", "2439", "2441", "2442", "2443", "2444",
        "2449", "2451", "2452", "2453", "2454", "2455", "2456", "2459", "2461", "2462", "2469",
    // 25: 10 classes
        "2511", "2519", "2521", "2522", "2523", "2524", "2529", "2530", "2541", "2542",
    // 26: 38 classes
        "2611", "2612", "2613", "2614", "2619", "2621", "2622", "2623", "2624", "2625", "2629",
        "2631", "2632", "2641", "2642", "2643", "2644", "2645", "2646", "2651", "2652", "2653",
        "2659", "2661", "2662", "2663", "2664", "2665", "2666", "2667", "2669", "2671", "2672",
        "2681", "2682", "2683", "2684", "2689",
    // 27: 9 classes
        "2710", "2720", "2730", "2740", "2750", "2761", "2762", "2770", "2780",
    // 28: 11 classes
        "2811", "2812", "2821", "2822", "2823", "2824", "2825", "2826", "2829", "2831", "2832",
    // 29: 16 classes
        "2911", "2912", "2913", "2914", "2915", "2916", "2919", "2921", "2922", "2923", "2924",
        "2925", "2926", "2927", "2928", "2929",
    // 30: 37 classes
        "3011", "3012", "3021", "3022", "3023", "3024", "3029", "3031", "3032", "3033", "3034",
        "3039", "3041", "3042", "3049", "3051", "3052", "3053", "3054", "3055", "3056", "3057",
        "3059", "3061", "3062", "3071", "3072", "3073", "3074", "3075", "3076", "3079", "3081",
        "3082", "3089", "3091", "3099",
    // 31: 4 classes
        "3110", "3120", "3130", "3140",
    // 32: 21 classes
        "3211", "3212", "3213", "3214", "3215", "3216", "3217", "3218", "3219", "3221", "3222",
        "3229", "3231", "3232", "3239", "3240", "3251", "3252", "3253", "3254", "3259",
    // 33: 29 classes
        "3311", "3312", "3321", "3322", "3323", "3324", "3329", "3331", "3332", "3333", "3340",
        "3351", "3352", "3353", "3359", "3360", "3371", "3372", "3373", "3379", "3381", "3382",
        "3383", "3389", "3391", "3392", "3393", "3394", "3399",
    // 34: 52 classes
        "3411", "3412", "3413", "3414", "3415", "3419", "3421", "3422", "3423", "3424", "3425",
        "3429", "3431", "3432", "3433", "3434", "3435", "3436", "3437", "3439", "3441", "3442",
        "3443", "3444", "3445", "3446", "3451", "3452", "3453", "3459", "3461", "3462", "3463",
        "3464", "3465", "3466", "3467", "3471", "3472", "3473", "3474", "3475", "3479", "3481",
        "3482", "3483", "3484", "3489", "3491", "3492", "3493", "3499",
    // 35: 56 classes
        "3511", "3512", "3513", "3514", "3515", "3516", "3517", "3521", "3522", "3523", "3524",
        "3525", "3529", "3531", "3532", "3533", "3534", "3541", "3542", "3543", "3544", "3545",
        "3546", "3549", "3551", "3552", "3553", "3554", "3561", "3562", "3563", "3569", "3571",
        "3572", "3573", "3574", "3575", "3576", "3577", "3579", "3581", "3582", "3583", "3584",
        "3585", "3586", "3587", "3589", "3591", "3592", "3593", "3594", "3595", "3596", "3597",
        "3599",
    // 36: 8 classes
        "3611", "3612", "3620", "3630", "3640", "3650", "3660", "3670",
    // 37: 30 classes
        "3711", "3712", "3713", "3714", "3715", "3716", "3719", "3720", "3731", "3732", "3733",
        "3734", "3735", "3736", "3737", "3739", "3741", "3742", "3743", "3744", "3749", "3751",
        "3752", "3761", "3762", "3770", "3780", "3791", "3792", "3799",
    // 38: 38 classes
        "3811", "3812", "3813", "3819", "3821", "3822", "3823", "3824", "3825", "3829", "3831",
        "3832", "3833", "3834", "3839", "3841", "3842", "3843", "3844", "3849", "3851", "3852",
        "3853", "3854", "3855", "3856", "3857", "3859", "3861", "3862", "3869", "3871", "3872",
        "3873", "3874", "3879", "3891", "3899",
    // 39: 36 classes
        "3911", "3912", "3913", "3914", "3915", "3919", "3921", "3922", "3931", "3932", "3933",
        "3934", "3939", "3940", "3951", "3952", "3953", "3961", "3962", "3963", "3964", "3969",
        "3971", "3972", "3973", "3974", "3975", "3976", "3979", "3981", "3982", "3983", "3984",
        "3985", "3989", "3990",
    // 40: 20 classes
        "4011", "4012", "4013", "4014", "4015", "4016", "4019", "4021", "4022", "4023", "4024",
        "4025", "4026", "4027", "4028", "4029", "4030", "4040", "4050", "4090",
    // 41: 4 classes
        "4111", "4119", "4120", "4190",
    // 42: 2 classes
        "4210", "4220",
    // 43: 10 classes
        "4310", "4320", "4330", "4341", "4342", "4343", "4349", "4350", "4360", "4390",
    // 44: 10 classes
        "4411", "4412", "4413", "4414", "4415", "4416", "4417", "4419", "4420", "4430",
    // 45: 4 classes
        "4511", "4512", "4513", "4520",
    // 46: 4 classes
        "4610", "4620", "4630", "4690",
};
// clang-format on

}  // namespace

std::span<const Division> industrial_division_table() { return kDivisions; }

std::span<const std::string_view> industrial_class_codes() { return kClasses; }

}  // namespace zhizao::detail
