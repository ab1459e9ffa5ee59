import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REPEAT_THRESHOLD, similarity } from './domain/similarity';
import { RequestCase } from './request-case.entity';

/**
 * Art 36(6): finds the most similar earlier request of the same applicant (by ID number) to the
 * same agency, so the clerk sees the earlier case and reply.
 */
@Injectable()
export class RepeatDetector {
  async earlierSimilar(m: EntityManager, agencyId: string, applicantIdIndex: string, text: string): Promise<string | null> {
    const earlier = await m.getRepository(RequestCase).find({
      select: { id: true, title: true, description: true },
      where: { agencyId, applicantIdIndex },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    let best: { id: string; score: number } | null = null;
    for (const e of earlier) {
      const score = similarity(text, `${e.title} ${e.description}`);
      if (score >= REPEAT_THRESHOLD && (!best || score > best.score)) best = { id: e.id, score };
    }
    return best?.id ?? null;
  }
}
