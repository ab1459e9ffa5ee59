import type { SectionFour } from '../../remedies/domain/section-four';
import { NOT_APPLICABLE, type Cell, type SectionTwo } from '../../proactive/domain/figures';
import type { RegisterSummary } from '../../proactive/domain/register';
import type { ReportFormat } from './report-format';
import type { Table } from './section-three';

/**
 * The report's prose: drafts made from the figures by a template per format, which the
 * reporting officer edits and saves (sections 一, 五, 六; the 2008 format's 概述, problems and
 * improvements). The other paragraphs of the 2008 format (register, applications, remedies,
 * fees) are computed and not editable. Pure.
 */
export const EDITABLE_SECTIONS: Record<ReportFormat, readonly string[]> = {
  '2021': ['overview', 'problems', 'other'],
  '2019_TRIAL': ['overview', 'problems', 'other'],
  '2008': ['overview', 'problems', 'improvements'],
};

/** 30号: section 一 of the 2021 format in principle within 1,000 characters (§2.1). */
export const OVERVIEW_MAX = 1000;
/** Any other saved section. */
export const SECTION_MAX = 20_000;

export interface NarrativeFacts {
  readonly year: number;
  readonly format: ReportFormat;
  /** How the report names the whole (全市, or the agency). */
  readonly whole: string;
  readonly applications: Table;
  readonly remedies: SectionFour;
  /** The computed fees paragraph (section 六 of the 2021 and trial formats starts from it). */
  readonly feesText: string;
  readonly onTime: number;
  readonly late: number;
  /** 2021 / trial: section 二. */
  readonly figures: SectionTwo | null;
  /** 2008: the register of the whole. */
  readonly register: RegisterSummary | null;
}

/** Clips a draft to `max` characters (code points), ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const cs = [...text];
  return cs.length <= max ? text : `${cs.slice(0, max - 1).join('')}…`;
}

const n = (c: Cell | undefined, unit: string) =>
  c === undefined ? `0${unit}` : c === NOT_APPLICABLE ? '（不适用）' : `${c}${unit}`;

function overview2021(f: NarrativeFacts, s: SectionTwo): string {
  const a = f.applications;
  const four = f.remedies;
  return `${f.year}年，${f.whole}认真贯彻落实《中华人民共和国政府信息公开条例》，现将本年度政府信息公开工作情况报告如下。（一）主动公开。本年制发规章${n(s.rules?.made, '件')}、行政规范性文件${n(s.normative_docs?.made, '件')}，废止规章${n(s.rules?.abolished, '件')}、行政规范性文件${n(s.normative_docs?.abolished, '件')}，现行有效规章${n(s.rules?.inForce, '件')}、行政规范性文件${n(s.normative_docs?.inForce, '件')}；作出行政许可决定${n(s.licensing?.decisions, '件')}、行政处罚决定${n(s.penalty?.decisions, '件')}、行政强制决定${n(s.coercion?.decisions, '件')}；行政事业性收费${n(s.fees?.amount10kYuan, '万元')}。（二）依申请公开。本年新收政府信息公开申请${a.new.tot}件，上年结转${a.carry_in.tot}件，办结${a.r_total.tot}件，结转下年度继续办理${a.carry_out.tot}件。（三）政府信息管理。（文字描述）（四）平台建设。（文字描述）（五）监督保障。本年因政府信息公开被申请行政复议${four.rv_total}件，被提起行政诉讼${four.ld_total + four.lr_total}件。`;
}

function overviewTrial(f: NarrativeFacts, s: SectionTwo): string {
  const a = f.applications;
  const four = f.remedies;
  return `${f.year}年，${f.whole}认真贯彻落实《中华人民共和国政府信息公开条例》，现将本年度政府信息公开工作情况报告如下。（一）主动公开。本年新制作规章${n(s.rules?.newlyMade, '件')}、规范性文件${n(s.normative_docs?.newlyMade, '件')}，新公开规章${n(s.rules?.newlyPublished, '件')}、规范性文件${n(s.normative_docs?.newlyPublished, '件')}；作出行政许可处理决定${n(s.licensing?.decisions, '件')}、行政处罚处理决定${n(s.penalty?.decisions, '件')}、行政强制处理决定${n(s.coercion?.decisions, '件')}；政府集中采购项目${n(s.procurement?.projects, '个')}，采购总金额${n(s.procurement?.amount10kYuan, '万元')}。（二）依申请公开。本年新收政府信息公开申请${a.new.tot}件，上年结转${a.carry_in.tot}件，办结${a.r_total.tot}件，结转下年度继续办理${a.carry_out.tot}件。（三）政府信息管理。（文字描述）（四）平台建设。（文字描述）（五）监督保障。本年因政府信息公开被申请行政复议${four.rv_total}件，被提起行政诉讼${four.ld_total + four.lr_total}件。`;
}

function problems2021(f: NarrativeFacts): string {
  const carry = f.applications.carry_out.tot;
  return `（一）存在的主要问题：${f.late > 0 ? `本年度有${f.late}件政府信息公开申请未在法定期限内答复；` : ''}政府信息公开工作制度有待进一步健全，主动公开的及时性和规范性有待提升。（二）改进情况：进一步规范依申请公开办理流程，加强答复期限的跟踪提醒，${carry > 0 ? `抓紧办理结转下年度的${carry}件申请，` : ''}不断提升政府信息公开工作质量。`;
}

/** The drafts of the editable sections of the format, from the figures. */
export function draftNarrative(f: NarrativeFacts): Record<string, string> {
  if (f.format === '2008') {
    const r = f.register;
    const received = f.applications.new.tot;
    return {
      overview: `${f.year}年，${f.whole}各级行政机关按照《中华人民共和国政府信息公开条例》（以下简称《条例》）的规定和年度重点工作安排，认真做好政府信息公开工作。全年共主动公开政府信息${r?.total ?? 0}条，其中网上公开${r?.online ?? 0}条；收到公开政府信息的申请${received}件，按时答复${f.onTime}件${f.late ? `，逾期答复${f.late}件` : ''}。`,
      problems: `一是个别单位主动公开意识不强，网上公开的信息约占主动公开总数的${r?.onlineShare ?? 0}%，网上公开比例有待提高。二是工作制度不够健全，有些工作开展得不够规范。${f.late ? `三是有${f.late}件申请未按时答复。` : ''}`,
      improvements: `${f.year + 1}年，将继续按照《条例》的要求，进一步深化主动公开，提高网上公开比例；完善政府信息公开工作机制，规范依申请公开办理程序；加强《条例》的培训工作。`,
    };
  }
  const s = f.figures ?? {};
  return {
    overview: clip(f.format === '2021' ? overview2021(f, s) : overviewTrial(f, s), OVERVIEW_MAX),
    problems: problems2021(f),
    other: f.feesText,
  };
}
