-- AlterEnum
ALTER TYPE "ConsentSource" ADD VALUE 'JOURNEY';
